import { createServer, type Server } from 'node:http';
import type { Config } from './config.ts';
import { Database } from './db/database.ts';
import { createDriver } from './db/driver.ts';
import { applySchema } from './db/schema-setup.ts';
import { seedIfEmpty } from './db/seed.ts';
import { createApp } from './yoga.ts';

export interface RunningServer {
  url: string;
  db: Database;
  server: Server;
  close(): Promise<void>;
}

/** Connects to Neo4j at `uri`, prepares the graph, and listens; used by main and by tests. */
export async function startServer(
  config: Config,
  uri: string,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const driver = createDriver({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
  });
  const db = new Database(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TX_TIMEOUT_MS,
  });
  await applySchema(db);
  if (config.SEED) {
    for (const summary of await seedIfEmpty(db, config.SEED_DIR)) {
      log(`seeded ${summary.document}: ${summary.entities} entities, ${summary.links} links`);
    }
  }
  const app = createApp({ db, config });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`,
    db,
    server,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
