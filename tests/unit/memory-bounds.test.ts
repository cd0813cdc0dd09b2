import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { securityOptions } from '../../src/security/index.ts';
import { VariablesMemo } from '../../src/security/variables-memo.ts';

// What the server keeps across requests is bounded by size, not only by count: bad requests of
// large novel documents and variables must not hold hundreds of megabytes.

describe('caches across requests', () => {
  it('keep parsed documents and parse errors up to a total size of query text', () => {
    const caches = securityOptions(loadConfig({})).parserAndValidationCache;
    const text = (i: number) => `{ documents { slug } } # ${String(i).padEnd(15_000, '.')}`;
    for (let i = 0; i < 1024; i++) {
      caches.documentCache.set(text(i), parse('{ documents { slug } }'));
      caches.errorCache.set(text(i), new Error('x'));
    }
    expect(caches.documentCache.size).toBeLessThanOrEqual(1_000_000 / 15_000);
    expect(caches.errorCache.size).toBeLessThanOrEqual(200_000 / 15_000);
  });

  it('keep cost analyses keyed by large variables up to a total key size', () => {
    const memo = new VariablesMemo<{ cost: number }>(1000);
    const document = parse('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    for (let i = 0; i < 1000; i++) {
      const ids = Array.from({ length: 100 }, (_, k) => `${i}-${k}`.padEnd(200, 'z'));
      memo.get(document, undefined, { ids }, (variables) => ({
        cost: (variables.ids as string[]).length,
      }));
    }
    // About 20 kB of key each: at most 500 characters on average per entry of the bound.
    expect(memo.size).toBeLessThanOrEqual((1000 * 500) / 20_000);
    expect(memo.size).toBeGreaterThan(0);
  });
});
