import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentCount,
  generateCorpus,
  generateDocuments,
  searchSamples,
  writeCorpus,
} from '../../scripts/bench/generate.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';

describe('the bench graph generator', () => {
  it('is deterministic: the same seed gives the same files', () => {
    const a = generateCorpus(4, 7);
    const b = generateCorpus(4, 7);
    expect(a.files).toEqual(b.files);
    expect(a.files.length).toBeGreaterThan(1);
    expect(generateCorpus(4, 8).files).not.toEqual(a.files);
  });

  it('is shaped like the seed graph at scale 1', () => {
    const corpus = generateCorpus(1, 1);
    expect(corpus.entities).toBeGreaterThan(150);
    expect(corpus.entities).toBeLessThan(200);
    expect(corpus.links).toBeGreaterThan(350);
  });

  it('writes files the public reader accepts, every quote verbatim', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-generate-'));
    try {
      const corpus = generateCorpus(4, 3);
      const paths = await writeCorpus(dir, corpus);
      let links = 0;
      for (const path of paths) {
        // readSourceFile fails when a quote is not found character for character.
        const plan = await readSourceFile(path);
        links += plan.links.length;
        expect(plan.entities.length).toBeLessThanOrEqual(2000);
      }
      expect(links).toBe(corpus.links);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Checking two documents of ~500 entities each takes 2–5 s on two cores shared with other work.
  }, 30_000);

  it('generates the documents one at a time, the same as the whole corpus', () => {
    expect([...generateDocuments(7, 2)]).toEqual(generateCorpus(7, 2).files);
    expect(documentCount(7)).toBe(3);
  });

  it('gives search texts for the query mix', () => {
    expect(searchSamples(1)).toHaveLength(4);
    expect(searchSamples(1)).toEqual(searchSamples(1));
  });
});
