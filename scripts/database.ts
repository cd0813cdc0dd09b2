/** The configured Neo4j for a script: NEO4J_URI, or a local one started for the run. */
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/connect.ts';
import type { Database } from '../src/db/database.ts';
import { startLocalNeo4j } from '../src/local-neo4j/launcher.ts';

/** Runs `work` with a database connection, then closes it (and stops a local Neo4j it started). */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const local = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.NEO4J_LOCAL_DATA_DIR,
        port: config.NEO4J_LOCAL_PORT,
      });
  const db = connectDatabase(config, config.NEO4J_URI ?? (local as { uri: string }).uri, {
    maxPoolSize: 2,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
    await local?.stop();
  }
}
