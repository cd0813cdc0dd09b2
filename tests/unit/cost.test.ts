import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/security/cost.ts';
import { analysisSchema, parsed } from '../helpers/analysis-schema.ts';
import { chain, diamond, fanOut } from '../helpers/fragment-graphs.ts';

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const { document, operation } = parsed(query);
  return operationCost(analysisSchema, document, operation, variables);
};

describe('the cost of an operation', () => {
  it('is, per list, 1 plus, for each item it may return, 1 and what the item selects', () => {
    // 1 + 10 × (1 + treaties: 1 + 10 × (1 + 0))
    expect(
      cost(
        '{ countries(first: 10) { edges { node { ... on Country { treaties(first: 10) { totalCount } } } } } }',
      ),
    ).toEqual({
      cost: 121,
      path: ['countries (10)', 'treaties (10)'],
      part: 121,
      pages: ['countries', 'treaties'],
    });
  });

  it('counts 20 items for a page without first or last, the smaller of both if given', () => {
    expect(cost('{ countries { totalCount } }').cost).toBe(21);
    expect(cost('{ countries(first: 5, last: 3) { totalCount } }').cost).toBe(4);
  });

  it('counts page sizes given as variables, and the ids of nodes(ids:)', () => {
    expect(cost('query ($n: Int) { countries(first: $n) { totalCount } }', { n: 7 }).cost).toBe(8);
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { name } }').cost).toBe(4);
  });

  it("counts a neighbourhood's limit for each list under it, times what each item selects", () => {
    // nodes: 1 + 200 × (1 + citations: 1 + 20 × (1 + 0)); center: one object, its citations 21.
    expect(
      cost(
        '{ neighborhood(limit: 200) { center { citations { quote } } nodes { citations { quote document { title } } } } }',
      ),
    ).toEqual({
      cost: 21 + 1 + 200 * (1 + 21),
      path: ['neighborhood', 'nodes (200)', 'citations (20)'],
      part: 21 + 1 + 200 * 22,
      pages: [],
    });
  });

  it('costs scalars, introspection and what @skip leaves out nothing', () => {
    expect(
      cost('{ __schema { types { name } } countries @skip(if: true) { totalCount } }').cost,
    ).toBe(0);
  });

  it('merges fields of one response name as execution does, and counts aliases apart', () => {
    expect(cost('{ countries { totalCount } countries { pageInfo { hasNextPage } } }').cost).toBe(
      21,
    );
    expect(cost('{ a: countries { totalCount } b: countries { totalCount } }').cost).toBe(42);
  });

  it('prices fragment graphs that would expand to 2^90 selections', () => {
    const onQuery = { on: 'Query', operation: '{ … }', leaf: 'countries(first: 1) { totalCount }' };
    expect(cost(chain(90, onQuery)).cost).toBe(2);
    expect(cost(diamond(40, onQuery)).cost).toBe(2);
    expect(cost(fanOut(30, onQuery)).cost).toBe(2);
    // Each level nests a page of one link: 1 + 1 × (1 + …).
    const nested = {
      on: 'Entity',
      operation: '{ entity(slug: "x") { … } }',
      leaf: 'name',
      nest: 'links(first: 1) { edges { node { … } } }',
    };
    expect(cost(chain(3, nested)).cost).toBe(6);
  });
});
