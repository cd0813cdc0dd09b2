import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, diamond, type FragmentGraphOptions, fanOut } from '../helpers/fragment-graphs.ts';
import { TestHelper } from '../helpers/test-helper.ts';

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

/** Documents of about 1,000 tokens (the limit) that expand to 2^90 selections or so. */
const GRAPHS: [string, string][] = [
  ['a chain of 90 on Query', chain(90, onQuery)],
  ['a chain of 80 on Entity, read ahead by the resolvers', chain(80, onEntity)],
  ['a diamond of 40 levels', diamond(40, onEntity)],
  ['a fan-out of 20 × 20', fanOut(20, onEntity)],
  ['a chain of 5, each level a page deeper', chain(5, nested)],
  ['a chain of 6, each level a page deeper', chain(6, nested)],
];

describe('fragments that expand exponentially', () => {
  const helper = new TestHelper();

  beforeAll(async () => {
    await helper.seed();
  });

  afterAll(async () => {
    await helper.close();
  });

  const post = async (query: string) => {
    const response = await helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it.each(GRAPHS)('answers %s as if each fragment were spread once', async (_name, query) => {
    const { status, body } = await post(query);
    if (query === chain(6, nested)) {
      // entity, then six nested pages of links: one level over the depth limit.
      expect(body.errors[0].extensions.code).toBe('MAX_DEPTH_EXCEEDED');
      expect(status).toBe(400);
      return;
    }
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    expect(body.extensions.cost.requested).toBeLessThan(100);
  });

  it('answers twenty such requests at once while /health keeps answering', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => post(GRAPHS[i % 4]?.[1] as string));
    const health = await helper.app.fetch('http://test/health');
    expect(health.status).toBe(200);
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
  });
});
