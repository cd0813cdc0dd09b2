import { beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/auth/keys.ts';
import { TEXT_COST } from '../../src/schema/document.ts';
import { postInTwoParts } from '../helpers/http-client.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { useTestServer } from '../helpers/test-server.ts';

// A signed-in key is one client for every per-client limit, wherever its requests come from; an
// anonymous request is counted by its address. Two keys behind one address do not share.

const LIMIT = 2;
const QUERY = '{ documents { slug } }';
const OTHER_ADDRESS = '127.0.0.2'; // Loopback too, but another remote address for the server.

/** Two new curator keys, as Authorization headers. */
async function twoKeys(): Promise<[string, string]> {
  const helper = new TestHelper();
  try {
    const made = await Promise.all(
      ['first', 'second'].map((name) => createKey(helper.db, { name, role: 'curator' })),
    );
    return made.map(({ key }) => `Bearer ${key}`) as [string, string];
  } finally {
    await helper.close();
  }
}

describe('per-key concurrency limit', () => {
  const server = useTestServer({
    env: { MAX_CONCURRENT_REQUESTS_PER_CLIENT: String(LIMIT), TRUST_PROXY: 'true' },
  });
  let keys: [string, string];
  beforeAll(async () => {
    keys = await twoKeys();
  });

  /** LIMIT requests that the server holds until they are finished. */
  async function saturate(headers: Record<string, string>) {
    const held = Array.from({ length: LIMIT }, () =>
      postInTwoParts(server.port, QUERY, undefined, headers),
    );
    await Promise.all(held.map((request) => request.headersSent));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return held;
  }
  const send = (headers: Record<string, string>, localAddress?: string) => {
    const request = postInTwoParts(server.port, QUERY, localAddress, headers);
    request.finish();
    return request.response;
  };

  it('counts two keys behind one address separately, and anonymous requests by address', async () => {
    const held = await saturate({ authorization: keys[0] });
    expect((await send({ authorization: keys[0] })).status).toBe(429);
    expect((await send({ authorization: keys[1] })).status).toBe(200);
    expect((await send({})).status).toBe(200);
    for (const request of held) request.finish();
    for (const { status } of await Promise.all(held.map((r) => r.response)))
      expect(status).toBe(200);
  });

  it('counts one key as one client from any address, directly or through a trusted proxy', async () => {
    const held = await saturate({ authorization: keys[0] });
    const elsewhere = await send({ authorization: keys[0] }, OTHER_ADDRESS);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    const forwarded = await send({ authorization: keys[0], 'x-forwarded-for': '203.0.113.7' });
    expect(forwarded.status).toBe(429);
    // The address those came from is not saturated: anonymous requests from it are served.
    expect((await send({}, OTHER_ADDRESS)).status).toBe(200);
    for (const request of held) request.finish();
    await Promise.all(held.map((r) => r.response));
    expect((await send({ authorization: keys[0] }, OTHER_ADDRESS)).status).toBe(200);
  });

  it('counts a bad token by its address, and still answers it 401', async () => {
    const held = await saturate({});
    const bad = await send({ authorization: 'Bearer rgk_not_a_key' });
    expect(bad.status).toBe(429);
    for (const request of held) request.finish();
    await Promise.all(held.map((r) => r.response));
    expect((await send({ authorization: 'Bearer rgk_not_a_key' })).status).toBe(401);
  });
});

describe('per-key cost budget', () => {
  const HEAVY = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Document { text } } }';
  const server = useTestServer({
    // A burst of four heavy queries, refilled slowly (see cost-budget.int.test.ts).
    env: { GRAPHQL_COST_PER_SECOND: '10', GRAPHQL_MAX_COST: '25000', TRUST_PROXY: 'true' },
  });
  let keys: [string, string];
  let ids: string[];
  beforeAll(async () => {
    keys = await twoKeys();
    const listed = await post({ 'x-forwarded-for': '192.0.2.99' }, '{ documents { id } }');
    const documents = (await listed.json()).data.documents as { id: string }[];
    ids = Array.from({ length: 50 }, () => documents.map((d) => d.id)).flat();
  });
  const post = (headers: Record<string, string>, query: string, variables: object = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  it("spends a key's budget from every address it uses, and not another key's", async () => {
    const cost = 1 + 100 * (1 + TEXT_COST);
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) {
      const response = await post({ authorization: keys[0], 'x-forwarded-for': address }, HEAVY, {
        ids,
      });
      expect(response.status).toBe(200);
      expect((await response.json()).extensions.cost.requested).toBe(cost);
    }
    const refused = await post({ authorization: keys[0], 'x-forwarded-for': '192.0.2.5' }, HEAVY, {
      ids,
    });
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors[0].extensions.code).toBe('COST_BUDGET_EXCEEDED');
    // The other key, from an address the first one used, has its own budget.
    const other = await post({ authorization: keys[1], 'x-forwarded-for': '192.0.2.1' }, HEAVY, {
      ids,
    });
    expect(other.status).toBe(200);
  });
});
