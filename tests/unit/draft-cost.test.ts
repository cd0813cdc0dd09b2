import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CHECK_COST, DRAFT_COST } from '../../src/schema/draft.ts';
import { schema } from '../../src/schema/index.ts';
import { operationCost } from '../../src/security/cost.ts';

const cost = (query: string) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, { t: 'x', y: 'y' }).cost;
};

describe('the cost of drafting', () => {
  it('counts DRAFT_COST for a draft, whatever it selects', () => {
    expect(cost('query ($t: String!) { draft(text: $t) { id } }')).toBeGreaterThanOrEqual(
      DRAFT_COST,
    );
    expect(
      cost('query ($t: String!) { a: draft(text: $t) { id } b: draft(text: $t) { id } }'),
    ).toBeGreaterThanOrEqual(2 * DRAFT_COST);
  });

  it('counts CHECK_COST for a check', () => {
    expect(
      cost('query ($t: String!, $y: String!) { checkSourceFile(yaml: $y, text: $t) { path } }'),
    ).toBeGreaterThanOrEqual(CHECK_COST);
  });
});
