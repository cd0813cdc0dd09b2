/** The benchmark's Neo4j (NEO4J_URI, else a throwaway local one) and its synthetic data. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { Database } from '../../src/db/database.ts';
import { createDriver } from '../../src/db/driver.ts';
import { applySchema } from '../../src/db/schema-setup.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { startLocalNeo4j } from '../../src/local-neo4j/launcher.ts';
import { generateCorpus, loadCorpus, writeCorpus } from './generate.ts';

export type Log = (line: string) => void;

export interface Neo4jHandle {
  uri: string;
  stop(): Promise<void>;
  dataDir?: string;
  /** The local JVM's pid, to read its CPU time (none for NEO4J_URI). */
  pid(): number | undefined;
}

export async function startNeo4j(log: Log): Promise<Neo4jHandle> {
  if (process.env.NEO4J_URI)
    return { uri: process.env.NEO4J_URI, stop: async () => {}, pid: () => undefined };
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-neo4j-'));
  const port = await findFreePort();
  const started = Date.now();
  const local = await startLocalNeo4j({ dataDir, port, log: () => {} });
  log(
    `local Neo4j at ${local.uri} (heap ${process.env.NEO4J_LOCAL_HEAP ?? '512m'}) in ${Date.now() - started} ms`,
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

/** Empties the database (in batches: auto-commit transactions) and loads the corpus of a scale. */
export async function loadScale(
  db: Database,
  scale: number,
  seed: number,
  log: Log,
): Promise<Record<string, number>> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  let t = Date.now();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(db);
  const reset = Date.now() - t;
  t = Date.now();
  const corpus = generateCorpus(scale, seed);
  const dir = await mkdtemp(join(tmpdir(), `bench-corpus-${scale}-`));
  const paths = await writeCorpus(dir, corpus);
  const generate = Date.now() - t;
  log(
    `scale ${scale}: ${corpus.files.length} documents, ${corpus.entities} entities, ${corpus.links} links generated in ${generate} ms`,
  );
  t = Date.now();
  await loadCorpus(db, paths, (line) => log(`scale ${scale}: ${line}`));
  const load = Date.now() - t;
  await rm(dir, { recursive: true, force: true });
  const [counts] = await db.read<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  log(
    `scale ${scale}: loaded in ${load} ms: ${counts?.nodes} nodes, ${counts?.relationships} relationships`,
  );
  return {
    documents: corpus.files.length,
    entities: corpus.entities,
    links: corpus.links,
    nodes: counts?.nodes ?? 0,
    relationships: counts?.relationships ?? 0,
    resetMs: reset,
    generateMs: generate,
    loadMs: load,
  };
}
