import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LINK_TYPES } from '../../src/knowledge/vocabulary.ts';

describe('cypher/vocabulary.md', () => {
  it('documents exactly the link types the code accepts, with the same meanings', async () => {
    const doc = await readFile(new URL('../../cypher/vocabulary.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| ([A-Z_]+) \| (.+) \|$/gm)].map(([, type, meaning]) => [
      type,
      meaning,
    ]);
    expect(Object.fromEntries(rows)).toEqual(LINK_TYPES);
  });
});
