import { describe, expect, it } from 'vitest';
import { chain, diamond, type FragmentGraphOptions, fanOut } from '../helpers/fragment-graphs.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';

const onQuery: FragmentGraphOptions = { on: 'Query', operation: '{ … }', leaf: '__typename' };
const onEntity: FragmentGraphOptions = {
  on: 'Entity',
  operation: '{ entity(id: "russia") { … } }',
  leaf: 'name links(first: 2) { edges { node { slug } } }',
};
const nested: FragmentGraphOptions = {
  ...onEntity,
  leaf: 'name',
  nest: 'links(first: 1) { edges { node { … } } }',
};

/**
 * Documents of up to about 1,000 tokens (the limit) that expand to as many as 2^90 selections, and
 * what they cost when each fragment is counted once per selection set, as execution merges them.
 */
const GRAPHS: [string, number, string][] = [
  ['a chain of 90 on Query', 0, chain(90, onQuery)],
  // The entity is one object; its page of 2 links costs 1 + 2 × 1.
  ['a chain of 80 on Entity, read ahead by the resolvers', 3, chain(80, onEntity)],
  ['a diamond of 40 levels', 3, diamond(40, onEntity)],
  ['a fan-out of 20 × 20', 3, fanOut(20, onEntity)],
  // Five nested pages of one link: 1 + 1 × (1 + (1 + 1 × (1 + …))).
  ['a chain of 5, each level a page deeper', 10, chain(5, nested)],
];

describe('fragments that expand exponentially', () => {
  const helper = useSeededGraph();

  const post = async (query: string) => {
    const response = await helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it.each(GRAPHS)('answers %s, costing %d', async (_name, cost, query) => {
    const { status, body } = await post(query);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    expect(body.extensions.cost).toEqual({ requested: cost, limit: 25000 });
  });

  it('refuses a chain of 6 pages each a level deeper for its depth, not after expanding it', async () => {
    const { status, body } = await post(chain(6, nested));
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe(
      "Query depth limit of 6 exceeded, found 7 on entity › links › links › links › links › links › links (a connection's edges and node do not count as levels): query what lies deeper separately, starting from node(id:).",
    );
  });

  it('answers twenty such requests at once while /health keeps answering', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => post(GRAPHS[i % 4]?.[2] as string));
    const health = await helper.app.fetch('http://test/health');
    expect(health.status).toBe(200);
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
  });
});
