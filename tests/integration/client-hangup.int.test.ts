import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { rawConnection } from '../helpers/http-client.ts';
import { useTestServer } from '../helpers/test-server.ts';

// A client that hangs up before its answer is written gets its slot back when its connection
// closes, whether the answer was still waiting for the socket to drain or not yet started.

const LIMIT = 4;

describe('slots of clients that hang up', () => {
  const server = useTestServer({
    env: {
      MAX_CONCURRENT_REQUESTS_PER_CLIENT: String(LIMIT),
      // Answers of many megabytes are what this is about, not what they cost.
      GRAPHQL_MAX_COST: '1000000',
    },
  });

  /** A small query from `localAddress`: its status. */
  const query = (localAddress: string) =>
    new Promise<string>((resolve) => {
      const body = JSON.stringify({ query: '{ documents { slug } }' });
      const connection = rawConnection(server.port, localAddress);
      void connection.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Connection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      void connection.closed.then(() => resolve(connection.received().split(' ', 2)[1] ?? ''));
    });

  /** Starts a request from `localAddress`, reads nothing of its answer, hangs up after `ms`. */
  async function hangUp(localAddress: string, request: string, ms: number) {
    const connection = rawConnection(server.port, localAddress);
    await connection.connected;
    connection.socket.pause(); // Reads nothing: the answer fills the socket's buffers.
    await connection.write(request);
    await sleep(ms);
    connection.socket.destroy();
    await connection.closed;
  }

  it('frees the slots of aborted GraphiQL page loads', async () => {
    const page = `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n`;
    for (let i = 0; i < LIMIT * 2; i++) await hangUp('127.0.0.2', page, 50);
    await sleep(200);
    expect(await query('127.0.0.2')).toBe('200');
  });

  it('frees the slots of answers aborted while they were written', async () => {
    const listed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ documents { id } }' }),
    });
    const ids = (await listed.json()).data.documents.map((d: { id: string }) => d.id);
    // Megabytes of answer: more than the socket's buffers hold while the client reads nothing.
    const many = Array.from({ length: 50 }, () => ids).flat();
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `a${i}: nodes(ids: $ids) { ...on Document { text } }`,
    );
    const body = JSON.stringify({
      query: `query ($ids: [ID!]!) { ${aliases.join(' ')} }`,
      variables: { ids: many },
    });
    const post =
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    for (let i = 0; i < LIMIT; i++) await hangUp('127.0.0.3', post, 1_000);
    await sleep(200);
    expect(await query('127.0.0.3')).toBe('200');
  });
});
