import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/default-query.ts';
import { schema } from '../../src/schema/index.ts';

describe('the GraphiQL default query', () => {
  it('is valid against the schema', () => {
    expect(validate(schema, parse(DEFAULT_QUERY))).toEqual([]);
  });
});
