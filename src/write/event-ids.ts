import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Server-Sent Events ids for the live feed, the standard way to resume: each event of a
 * subscription that notes a revision goes out with `id: <revision number>`, and a client that
 * reconnects sends the last id it saw in `Last-Event-ID` (EventSource does so by itself). yoga's
 * own SSE writer sends no ids, so `useSseEventIds` writes the stream of those subscriptions.
 */

/** The revision each subscription (by its context) sent last, and where one asked to resume. */
const sent = new WeakMap<object, number>();
const resumeFrom = new WeakMap<object, number>();

/** Notes the revision the subscription with context `ctx` is about to send. */
export function noteSentRevision(ctx: object, revision: number): void {
  sent.set(ctx, revision);
}

/** The revision number in the request's Last-Event-ID header, if it sent one. */
export function lastEventId(ctx: object): number | undefined {
  return resumeFrom.get(ctx);
}

const LAST_EVENT_ID = /^\d{1,15}$/;
/** How often an idle stream is pinged, so proxies keep it open (as yoga does). */
const PING_MS = 12_000;

/** Reads Last-Event-ID for the subscription, and tags each event with the revision it carries. */
export function useSseEventIds(): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as { request?: Request };
      const header = ctx.request?.headers.get('last-event-id')?.trim();
      if (header) {
        if (!LAST_EVENT_ID.test(header)) {
          setResultAndStopExecution({
            errors: [
              new GraphQLError(
                `Last-Event-ID must be the number of the last revision received; got "${header.slice(0, 40)}"`,
                { extensions: { code: 'BAD_USER_INPUT' } },
              ),
            ],
          });
          return;
        }
        resumeFrom.set(ctx, Number(header));
      }
      return {
        onSubscribeResult: () => ({
          onNext({ result, setResult }) {
            const revision = sent.get(ctx);
            if (revision === undefined || !('data' in result)) return;
            setResult({ ...result, extensions: { ...result.extensions, revision } });
          },
        }),
      };
    },
    onResultProcess({ request, result, setResultProcessor }) {
      if (!isAsyncIterable(result)) return;
      if (!request.headers.get('accept')?.includes('text/event-stream')) return;
      setResultProcessor(sseWithIds, 'text/event-stream');
    },
  };
}

type Extensions = { http?: unknown; [key: string]: unknown };
type Event = { extensions?: Extensions; errors?: readonly { toJSON?(): object }[] };

/** An event without the `http` extensions yoga keeps for itself (as yoga's writer leaves them). */
function withoutInternals(event: Event): object {
  const strip = (extensions: Extensions | undefined) => {
    if (!extensions) return undefined;
    const { http: _http, ...rest } = extensions;
    return Object.keys(rest).length ? rest : undefined;
  };
  return {
    ...event,
    errors: event.errors?.map((error) => {
      const plain = (error.toJSON?.() ?? error) as { extensions?: Extensions };
      return { ...plain, extensions: strip(plain.extensions) };
    }),
    extensions: strip(event.extensions),
  };
}

/** yoga's SSE stream (a ping first, `event: next` per result, `event: complete`), with ids. */
function sseWithIds(result: unknown, fetchAPI: { Response: typeof Response }): Response {
  const iterator = (result as AsyncIterable<Event & { extensions?: { revision?: number } }>)[
    Symbol.asyncIterator
  ]();
  const encoder = new TextEncoder();
  let ping: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Some browsers hold a response back until its first bytes.
      controller.enqueue(encoder.encode(':\n\n'));
      ping = setInterval(() => {
        if (controller.desiredSize === null) clearInterval(ping);
        else if (controller.desiredSize > 0) controller.enqueue(encoder.encode(':\n\n'));
      }, PING_MS);
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (value != null) {
        const id = value.extensions?.revision;
        controller.enqueue(
          encoder.encode(
            `${id === undefined ? '' : `id: ${id}\n`}event: next\ndata: ${JSON.stringify(withoutInternals(value))}\n\n`,
          ),
        );
      }
      if (done) {
        controller.enqueue(encoder.encode('event: complete\ndata:\n\n'));
        clearInterval(ping);
        controller.close();
      }
    },
    async cancel() {
      clearInterval(ping);
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream',
      connection: 'keep-alive',
      'cache-control': 'no-cache',
      'content-encoding': 'none',
    },
  });
}
