/** The benchmark's Neo4j (NEO4J_URI, else a throwaway local one) and its synthetic data. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { Database } from '../../src/db/database.ts';
import { createDriver } from '../../src/db/driver.ts';
import { applySchema } from '../../src/db/schema-setup.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import type { Neo4jMemory } from '../../src/local-neo4j/jvm.ts';
import { startLocalNeo4j } from '../../src/local-neo4j/launcher.ts';
import { corpusSize, documentCount } from './generate.ts';
import { loadGenerated, loadGeneratedBulk } from './load-corpus.ts';

export type Log = (line: string) => void;

export interface Neo4jHandle {
  uri: string;
  stop(): Promise<void>;
  dataDir?: string;
  /** The local JVM's pid, to read its CPU time (none for NEO4J_URI). */
  pid(): number | undefined;
}

/**
 * What the local Neo4j is given for the largest scale it will hold: the store of scale 10000 is
 * about 4 GB, and a page cache that holds it keeps the load and the queries off the disk.
 */
export function memoryFor(scale: number): Neo4jMemory {
  if (scale >= 5000) return { heap: '4g', pageCache: '6g' };
  if (scale >= 500) return { heap: '2g', pageCache: '2g' };
  return { heap: '512m', pageCache: '256m' };
}

export async function startNeo4j(log: Log, largestScale = 10): Promise<Neo4jHandle> {
  if (process.env.NEO4J_URI)
    return { uri: process.env.NEO4J_URI, stop: async () => {}, pid: () => undefined };
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-neo4j-'));
  const port = await findFreePort();
  const started = Date.now();
  const memory = memoryFor(largestScale);
  const local = await startLocalNeo4j({ dataDir, port, log: () => {}, memory });
  log(
    `local Neo4j at ${local.uri} (heap ${process.env.NEO4J_LOCAL_HEAP ?? memory.heap}, page cache ` +
      `${process.env.NEO4J_LOCAL_PAGECACHE ?? memory.pageCache}) in ${Date.now() - started} ms`,
  );
  return {
    uri: local.uri,
    dataDir,
    pid: () => local.pid(),
    stop: async () => {
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function openDb(uri: string): Database {
  const driver = createDriver({
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'neo4j',
    maxPoolSize: 10,
  });
  return new Database(driver, {
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    timeoutMs: 600_000,
  });
}

/**
 * Empties the database (in batches: auto-commit transactions) and loads the corpus of a scale: by
 * the bulk loader (the graph is empty; `loadMs` leaves out `generateMs`, writing the files first),
 * or with `perDocument` through the importer file by file (generating each as it goes).
 */
export async function loadScale(
  db: Database,
  scale: number,
  seed: number,
  log: Log,
  { perDocument = false, batchEntities }: { perDocument?: boolean; batchEntities?: number } = {},
): Promise<Record<string, number>> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  let t = Date.now();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
  // The bulk loader builds the indexes itself, once the data is in.
  if (perDocument) await applySchema(db);
  const reset = Date.now() - t;
  const size = corpusSize(scale, seed);
  log(
    `scale ${scale}: ${documentCount(scale)} documents, ${size.entities} entities, ${size.links} links`,
  );
  t = Date.now();
  // The bulk path writes the files first; generating them is not part of its load time.
  let generate = 0;
  if (perDocument) await loadGenerated(db, scale, seed);
  else generate = (await loadGeneratedBulk(db, scale, seed, log, batchEntities)).generateMs;
  const load = Date.now() - t - generate;
  const [counts] = await db.read<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  log(
    `scale ${scale}: loaded in ${load} ms: ${counts?.nodes} nodes, ${counts?.relationships} relationships`,
  );
  return {
    documents: documentCount(scale),
    entities: size.entities,
    links: size.links,
    nodes: counts?.nodes ?? 0,
    relationships: counts?.relationships ?? 0,
    resetMs: reset,
    generateMs: generate,
    loadMs: load,
  };
}
