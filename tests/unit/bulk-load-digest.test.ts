import { describe, expect, it } from 'vitest';
import { digest } from '../../src/db/bulk-load.ts';

describe('digest', () => {
  it('gives the same string the same safe integer', () => {
    expect(digest('country-8')).toBe(digest('country-8'));
    expect(Number.isSafeInteger(digest('country-8'))).toBe(true);
  });

  it('tells apart the ids and link identities of a generated corpus', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `person-${i}`).concat(
      Array.from({ length: 200_000 }, (_, i) => `PARTY_TO|country-${i % 200}|treaty-${i}|`),
    );
    expect(new Set(keys.map(digest)).size).toBe(keys.length);
  });
});
