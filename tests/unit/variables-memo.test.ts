import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { VariablesMemo } from '../../src/security/variables-memo.ts';

const document = parse('query Q($slug: ID!, $first: Int) { entity(id: $slug) { __typename } }');

describe('VariablesMemo', () => {
  it('reuses a result while the variables it read keep their values', () => {
    const memo = new VariablesMemo<{ first: unknown }>(10);
    let runs = 0;
    const compute = (variables: Record<string, unknown>) => {
      runs += 1;
      return { first: variables.first };
    };
    expect(memo.get(document, 'Q', { slug: 'russia', first: 5 }, compute)).toEqual({ first: 5 });
    expect(memo.get(document, 'Q', { slug: 'israel', first: 5 }, compute)).toEqual({ first: 5 });
    expect(runs).toBe(1);
    expect(memo.get(document, 'Q', { slug: 'israel', first: 6 }, compute)).toEqual({ first: 6 });
    expect(runs).toBe(2);
    // Absent and null are told apart: a default may apply to one and not the other.
    memo.get(document, 'Q', { slug: 'israel' }, compute);
    memo.get(document, 'Q', { slug: 'israel', first: null }, compute);
    expect(runs).toBe(4);
    expect(memo.size).toBe(4);
  });

  it('keeps documents and operations apart', () => {
    const memo = new VariablesMemo<{ n: number }>(10);
    let runs = 0;
    const compute = () => ({ n: ++runs });
    memo.get(document, 'Q', {}, compute);
    memo.get(parse('query Q { __typename }'), 'Q', {}, compute);
    memo.get(document, 'Other', {}, compute);
    expect(runs).toBe(3);
  });

  it('forgets the least recently used results beyond its bound', () => {
    const memo = new VariablesMemo<{ first: unknown }>(2);
    const compute = (variables: Record<string, unknown>) => ({ first: variables.first });
    for (const first of [1, 2, 3]) memo.get(document, 'Q', { first }, compute);
    expect(memo.size).toBe(2);
  });
});
