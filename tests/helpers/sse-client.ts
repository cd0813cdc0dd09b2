/** A Server-Sent Events client for a GraphQL subscription, as EventSource reads a stream. */

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * POSTs `query` to `url` asking for text/event-stream and reads its events (`id:`, `event:`,
 * `data:` lines up to a blank line; comments skipped). `lastEventId` is sent as Last-Event-ID, as
 * a reconnecting EventSource sends the last id it received.
 */
export async function openSse(
  url: string,
  query: string,
  options: { variables?: object; lastEventId?: string; headers?: Record<string, string> } = {},
) {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: SseEvent[] = [];

  /** Reads until `count` events (pings aside) have arrived in all, or the stream ends. */
  async function until(count: number): Promise<SseEvent[]> {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { id: undefined, event: 'message', data: '' };
        let fields = 0;
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue;
          const name = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          fields++;
          if (name === 'id') event.id = value;
          else if (name === 'event') event.event = value;
          else if (name === 'data') event.data += event.data ? `\n${value}` : value;
        }
        if (fields > 0) events.push(event);
      }
    }
    return events.slice(0, count);
  }

  return {
    status: response.status,
    headers: response.headers,
    events,
    until,
    /** Drops the connection, as a client going away does. */
    close: () => controller.abort(),
  };
}
