import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TEXT_COST } from '../../src/schema/document.ts';
import { schema } from '../../src/schema/index.ts';
import { operationCost } from '../../src/security/cost.ts';

// The cost counts what an answer carries: a document's full text is kilobytes, not nothing, and
// each id of nodes(ids:) is an item of the answer, repeated or not.

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables).cost;
};

describe('the cost of long texts', () => {
  it("counts TEXT_COST for each document's text", () => {
    expect(TEXT_COST).toBeGreaterThanOrEqual(20);
    expect(cost('{ documents { slug } }')).toBe(21);
    expect(cost('{ documents { slug text } }')).toBe(1 + 20 * (1 + TEXT_COST));
  });

  it('counts every id of nodes(ids:), repeated ones too, with the text each carries', () => {
    const ids = Array.from({ length: 100 }, () => 'RG9jdW1lbnQ6aXNyYWVs');
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `a${i}: nodes(ids: $ids) { ... on Document { text } }`,
    );
    const query = `query ($ids: [ID!]!) { ${aliases.join(' ')} }`;
    // The 1.6 KB request of 12.7 MB answers: over the default limit of 25,000 now.
    expect(cost(query, { ids })).toBe(15 * (1 + 100 * (1 + TEXT_COST)));
    expect(cost(query, { ids })).toBeGreaterThan(25_000);
  });
});
