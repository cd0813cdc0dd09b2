import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database.ts';

/**
 * The graph's version: one (:GraphVersion) node whose token every change of the graph renews in
 * its own transaction (`writePlan`, which every import and every write runs), so a process that sees the same token sees
 * the same graph. A random token, not a counter, so a graph emptied and loaded again never repeats
 * an earlier version.
 */
const BUMP = `MERGE (v:GraphVersion {id: 'graph'}) SET v.token = randomUUID()`;
const READ = `OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN v.token AS token`;

/** Renews the graph's version inside the transaction that changes the graph. */
export async function bumpGraphVersion(db: Database, tx: ManagedTransaction): Promise<void> {
  await db.run(tx, BUMP);
}

/**
 * The graph's version as this process last read it, read again at most once per `memoMs`
 * (concurrent callers share one read): a change committed anywhere is seen within `memoMs` plus
 * one read.
 */
export function graphVersionReader(db: Database, memoMs: number): () => Promise<string> {
  let readAt = Number.NEGATIVE_INFINITY;
  let current: Promise<string> | null = null;
  return () => {
    const now = performance.now();
    if (current && now - readAt < memoMs) return current;
    readAt = now;
    const reading = db.read<{ token: string | null }>(READ).then(([row]) => row?.token ?? 'none');
    // A failed read is not kept: the next request reads again.
    reading.catch(() => {
      if (current === reading) current = null;
    });
    current = reading;
    return reading;
  };
}
