import { describe, expect, it } from 'vitest';
import { postInTwoParts } from '../helpers/http-client.ts';
import { useTestServer } from '../helpers/test-server.ts';

// One client (a remote address) may have MAX_CONCURRENT_REQUESTS_PER_CLIENT requests in flight;
// past that it is refused at once, and other clients are served as usual.

const LIMIT = 4;
const QUERY = '{ documents { slug } }';
const OTHER_CLIENT = '127.0.0.2'; // Loopback too, but another remote address for the server.

describe('per-client concurrency limit', () => {
  const server = useTestServer({
    env: {
      MAX_CONCURRENT_REQUESTS_PER_CLIENT: String(LIMIT),
      TRUST_PROXY: 'true',
    },
  });

  /** LIMIT requests from one client that the server holds until `finish()`. */
  async function saturate(localAddress?: string) {
    const held = Array.from({ length: LIMIT }, () =>
      postInTwoParts(server.port, QUERY, localAddress),
    );
    await Promise.all(held.map((request) => request.headersSent));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return held;
  }

  const send = (localAddress?: string) => {
    const request = postInTwoParts(server.port, QUERY, localAddress);
    request.finish();
    return request.response;
  };

  it('refuses the request past the limit with 429, and serves other clients meanwhile', async () => {
    const held = await saturate();

    const refused = await send();
    expect(refused).toEqual({
      status: 429,
      body: {
        errors: [
          {
            message: `Too many requests in flight from this client: at most ${LIMIT} at a time; wait for an answer before sending more.`,
            extensions: { code: 'TOO_MANY_REQUESTS' },
          },
        ],
      },
    });
    const other = await send(OTHER_CLIENT);
    expect(other.status).toBe(200);
    expect(other.body.data.documents).toHaveLength(2);
    // Probes are never refused.
    expect((await fetch(`http://127.0.0.1:${server.port}/ready`)).status).toBe(200);

    for (const request of held) request.finish();
    for (const { status, body } of await Promise.all(held.map((r) => r.response))) {
      expect(status).toBe(200);
      expect(body.data.documents).toHaveLength(2);
    }
    // Its slots are back once its requests are answered.
    expect((await send()).status).toBe(200);
  });

  it('behind a trusted proxy, tells clients apart by the address the proxy appended', async () => {
    const response = (forwardedFor: string) =>
      fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: QUERY }),
      });
    const held = await saturate();
    // The direct client is saturated; requests the proxy forwards for others are not.
    expect((await response('10.0.0.1')).status).toBe(200);
    expect((await response('203.0.113.9, 10.0.0.2')).status).toBe(200);
    for (const request of held) request.finish();
    await Promise.all(held.map((r) => r.response));
  });
});
