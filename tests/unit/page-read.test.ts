import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pageRead } from '../../src/planner/page-read.ts';
import { planOperation } from '../../src/planner/plan.ts';
import { schema } from '../../src/schema/index.ts';

const forward = { start: 10, end: null, first: 5, last: null };

describe('how a list is read, decided from what it is asked', () => {
  it('counts only for totalCount or a slice from the end', () => {
    const none = { totalCount: false, hasNextPage: false };
    const next = { totalCount: false, hasNextPage: true };
    const total = { totalCount: true, hasNextPage: false };
    expect(pageRead(none, forward)).toBe('page');
    expect(pageRead(next, forward)).toBe('peek');
    expect(pageRead(total, forward)).toBe('count');
    // A slice from the end is placed against the total, whatever is asked.
    expect(pageRead(none, { start: 0, end: null, first: null, last: 3 })).toBe('count');
    expect(pageRead(next, { start: 0, end: 8, first: 3, last: null })).toBe('count');
  });

  const rootAsks = (selection: string) => {
    const root = planOperation(schema, parse(`{ countries(first: 2) { ${selection} } }`)).get(
      'countries',
    );
    if (!root || !('connection' in root)) throw new Error('no connection plan');
    return root.connection.asks;
  };

  it('reads the asks from the selection: pageInfo alone is not a count', () => {
    expect(rootAsks('nodes { slug }')).toEqual({ totalCount: false, hasNextPage: false });
    expect(rootAsks('pageInfo { endCursor hasPreviousPage }')).toEqual({
      totalCount: false,
      hasNextPage: false,
    });
    expect(rootAsks('pageInfo { hasNextPage }')).toEqual({ totalCount: false, hasNextPage: true });
    expect(rootAsks('... on CountryConnection { totalCount }')).toEqual({
      totalCount: true,
      hasNextPage: false,
    });
  });

  it('gives every nested list the read its own selection asks for', () => {
    const root = planOperation(
      schema,
      parse(`{ countries(first: 2) { nodes {
        a: events(first: 3) { pageInfo { hasNextPage } nodes { slug } }
        b: events(first: 3) { totalCount }
        c: events(first: 3) { nodes { slug } }
      } } }`),
    ).get('countries');
    if (!root || !('connection' in root)) throw new Error('no connection plan');
    const reads = Object.fromEntries(
      root.connection.expansion.links.map((link) => [link.field, link.window.read]),
    );
    expect(reads).toEqual({ a: 'peek', b: 'count', c: 'page' });
  });
});
