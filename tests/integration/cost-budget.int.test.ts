import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_COST } from '../../src/schema/document.ts';
import { useTestServer } from '../helpers/test-server.ts';

// Admission follows cost: each client may spend a share of GRAPHQL_COST_PER_SECOND (a burst of
// GRAPHQL_MAX_COST at once); a client past it gets 429 with Retry-After, the others are served.

const HEAVY = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Document { text } } }';
const LIGHT = '{ documents { slug } }';

describe('cost budget per client', () => {
  const server = useTestServer({
    env: {
      // A slow refill: the fifth request finds the bucket short however slowly the first four ran
      // (at 1000 a second, four taking over half a second on a loaded machine refilled it).
      GRAPHQL_COST_PER_SECOND: '10',
      GRAPHQL_MAX_COST: '25000',
      TRUST_PROXY: 'true',
    },
  });
  let ids: string[];

  beforeAll(async () => {
    const listed = await post('192.0.2.9', '{ documents { id } }');
    const documents = (await listed.json()).data.documents as { id: string }[];
    ids = Array.from({ length: 50 }, () => documents.map((d) => d.id)).flat();
  });

  const post = (client: string, query: string, variables: object = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query, variables }),
    });

  it('refuses a client past its share with 429 and Retry-After, and serves the others', async () => {
    const cost = 1 + 100 * (1 + TEXT_COST); // 5,101: four fit in a burst of 25,000, not five.
    for (let i = 0; i < 4; i++) {
      const response = await post('192.0.2.1', HEAVY, { ids });
      expect(response.status).toBe(200);
      expect((await response.json()).extensions.cost.requested).toBe(cost);
    }
    const refused = await post('192.0.2.1', HEAVY, { ids });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await refused.json();
    expect(body.errors[0].extensions.code).toBe('COST_BUDGET_EXCEEDED');
    expect(body.errors[0].message).toMatch(
      /^Cost budget exceeded: .* this one costs 5101; retry in \d+ s/,
    );
    expect(body.data).toBeUndefined();

    const other = await post('192.0.2.2', LIGHT);
    expect(other.status).toBe(200);
    expect((await other.json()).data.documents).toHaveLength(2);
  });
});
