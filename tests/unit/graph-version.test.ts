import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { graphVersionReader } from '../../src/db/graph-version.ts';

// The memo alone: how often a process asks Neo4j for the graph's version.
function countingDb(answers: (() => Promise<{ token: string | null }[]>)[]) {
  const counted = { reads: 0 };
  const db = {
    read: () => {
      const answer = answers[Math.min(counted.reads, answers.length - 1)] as () => Promise<
        { token: string | null }[]
      >;
      counted.reads++;
      return answer();
    },
  } as unknown as Database;
  return { db, counted };
}

describe('graphVersionReader', () => {
  it('reads once per period, shared by the callers in between, and again after it', async () => {
    const { db, counted } = countingDb([
      async () => [{ token: 'one' }],
      async () => [{ token: 'two' }],
    ]);
    const version = graphVersionReader(db, 50);
    expect(await Promise.all([version(), version(), version()])).toEqual(['one', 'one', 'one']);
    expect(counted.reads).toBe(1);
    await sleep(60);
    expect(await version()).toBe('two');
    expect(counted.reads).toBe(2);
  });

  it('keeps no failed read: the next caller reads again', async () => {
    const { db, counted } = countingDb([
      async () => {
        throw new Error('Neo4j unavailable');
      },
      async () => [{ token: null }],
    ]);
    const version = graphVersionReader(db, 10_000);
    await expect(version()).rejects.toThrow('Neo4j unavailable');
    expect(await version()).toBe('none');
    expect(counted.reads).toBe(2);
  });
});
