import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { rawConnection } from '../helpers/http-client.ts';
import { StubStore } from '../helpers/stub-store.ts';
import { useTestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Slow and odd HTTP clients against a listening server: a body over the limit, chunked or not, and
// requests trickled byte by byte. None may hold a connection past its timeout. What is tested is
// the HTTP server's: it reads through a stub store, no Neo4j.

const HEADERS_TIMEOUT_MS = 1_500;
const REQUEST_TIMEOUT_MS = 3_000;
/** Node checks the timeouts every second (see server.ts); then it needs a moment to close. */
const CHECK_SLACK_MS = 1_500;
const MAX_BODY_BYTES = 10_000;

describe('slow and odd HTTP clients', () => {
  const server = useTestServer({
    store: new StubStore(),
    env: {
      GRAPHQL_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    },
  });

  /** The status line and headers of the first response on a connection, lower-cased. */
  const firstHead = (received: string) => received.split('\r\n\r\n')[0]?.toLowerCase() ?? '';

  const head = (extra: string) =>
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n${extra}\r\n`;

  it('answers a chunked body over the limit with 413 and Connection: close, and closes the connection', async () => {
    const connection = rawConnection(server.port);
    await connection.connected;
    const startedAt = Date.now();
    await connection.write(head('Transfer-Encoding: chunked\r\n'));
    const chunk = `{"query": "${' '.repeat(4_000)}`;
    // More than the limit, and the client goes on sending (it never sends the last chunk).
    const sending = (async () => {
      for (let i = 0; i < 50 && !connection.socket.destroyed; i++) {
        await connection.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        await sleep(50);
      }
    })();
    const closedAt = await connection.closed;
    await sending;
    const response = connection.received();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(firstHead(response)).toContain('connection: close');
    expect(response).toContain(`the limit is ${MAX_BODY_BYTES} bytes`);
    // Closed after the answer, not held open while the client keeps sending until the timeout.
    expect(closedAt - startedAt).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('answers a Content-Length over the limit with 413 and Connection: close before reading it', async () => {
    const connection = rawConnection(server.port);
    await connection.connected;
    const startedAt = Date.now();
    await connection.write(head(`Content-Length: ${MAX_BODY_BYTES + 1}\r\n`));
    await connection.write('{"query": "');
    const closedAt = await connection.closed;
    const response = connection.received();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(firstHead(response)).toContain('connection: close');
    expect(closedAt - startedAt).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('keeps the connection open after a request whose body was read in full', async () => {
    const connection = rawConnection(server.port);
    await connection.connected;
    const body = JSON.stringify({ query: '{ __typename }' });
    const request = head(`Content-Length: ${body.length}\r\n`) + body;
    await connection.write(request + request);
    const answered = () => connection.received().match(/HTTP\/1\.1 200 /g)?.length ?? 0;
    await waitFor('both requests are answered', () => answered() === 2, 10_000, 20);
    expect(answered()).toBe(2);
    expect(connection.socket.destroyed).toBe(false);
    connection.socket.destroy();
  });

  it('ends a request whose body is trickled byte by byte at HTTP_REQUEST_TIMEOUT_MS with 408', async () => {
    const connection = rawConnection(server.port);
    await connection.connected;
    const body = JSON.stringify({ query: '{ documents { slug } }' });
    const startedAt = Date.now();
    await connection.write(head(`Content-Length: ${body.length}\r\n`));
    for (const byte of body) {
      if (connection.socket.destroyed) break;
      await connection.write(byte);
      await sleep(200);
    }
    const closedAt = await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(firstHead(connection.received())).toContain('connection: close');
    expect(closedAt - startedAt).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(closedAt - startedAt).toBeLessThan(REQUEST_TIMEOUT_MS + CHECK_SLACK_MS);
  });

  it('ends a request whose headers are trickled at HTTP_HEADERS_TIMEOUT_MS with 408', async () => {
    const connection = rawConnection(server.port);
    await connection.connected;
    const startedAt = Date.now();
    for (const byte of head('X-Slow: 1\r\n')) {
      if (connection.socket.destroyed) break;
      await connection.write(byte);
      await sleep(100);
    }
    const closedAt = await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAt - startedAt).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(closedAt - startedAt).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
  });

  it('uses 30 s for both timeouts unless configured', () => {
    const defaults = loadConfig({});
    expect([defaults.HTTP_HEADERS_TIMEOUT_MS, defaults.HTTP_REQUEST_TIMEOUT_MS]).toEqual([
      30_000, 30_000,
    ]);
    expect([server.running.server.headersTimeout, server.running.server.requestTimeout]).toEqual([
      HEADERS_TIMEOUT_MS,
      REQUEST_TIMEOUT_MS,
    ]);
    expect(() =>
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' }),
    ).toThrow('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  });
});
