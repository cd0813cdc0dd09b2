import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors.ts';
import type { Database } from './database.ts';
import { applySchema } from './schema-setup.ts';
import { importFile, sourceFilesIn } from './seed.ts';

export interface PrepareOptions {
  /** The folder whose source files fill an empty graph; without it nothing is seeded. */
  seedDir?: string;
  log: (line: string) => void;
  /** Stops retrying: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each failed attempt that will be retried. */
  onRetry?: (error: Error, attempt: number) => void;
  /** Wait before the first retry; it doubles with each attempt up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** How long the reachability check that opens each attempt may take (a cold JVM is slow). */
  pingTimeoutMs?: number;
}

/** Failures that waiting can fix: Neo4j away, still starting, or too slow right now. */
export function isRetryable(error: unknown): error is Error {
  return error instanceof DatabaseUnavailableError || error instanceof QueryTimeoutError;
}

/**
 * Applies the schema (constraints, indexes) and seeds an empty graph. While Neo4j cannot be reached
 * it tries again with bounded exponential backoff, logging each failure, and resolves once done.
 * Any other failure (a bad seed file, wrong credentials) rejects: retrying would not help.
 */
export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<void> {
  const { log, signal, firstDelayMs = 500, maxDelayMs = 5_000, pingTimeoutMs = 5_000 } = options;
  // Set once this process finds the graph empty: later attempts finish that seed (files already
  // imported are skipped), so an interrupted seed is completed rather than left half done.
  let seeding = false;
  const seeded = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      // Fails at once when nothing listens, rather than after the driver's retries.
      if (!(await db.ping(pingTimeoutMs))) throw new DatabaseUnavailableError();
      await applySchema(db);
      if (options.seedDir) {
        seeding ||= !(await hasDocuments(db));
        for (const file of seeding ? await sourceFilesIn(options.seedDir) : []) {
          if (seeded.has(file)) continue;
          const summary = await importFile(db, file);
          seeded.add(file);
          log(`seeded ${summary.document}: ${summary.entities} entities, ${summary.links} links`);
        }
      }
      if (attempt > 1) log(`Neo4j answers: schema applied after ${attempt} attempts`);
      return;
    } catch (error) {
      if (!isRetryable(error) || signal?.aborted) throw error;
      const delayMs = Math.min(firstDelayMs * 2 ** (attempt - 1), maxDelayMs);
      log(
        `Neo4j not ready (${error.message}); schema setup and seed retry in ${delayMs} ms ` +
          `(attempt ${attempt})`,
      );
      options.onRetry?.(error, attempt);
      await sleep(delayMs, undefined, { signal });
    }
  }
}

async function hasDocuments(db: Database): Promise<boolean> {
  const [row] = await db.read<{ documents: number }>(
    'MATCH (d:Document) RETURN count(d) AS documents',
  );
  return (row?.documents ?? 0) > 0;
}
