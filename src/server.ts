import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import type { Database } from './db/database.ts';
import { prepareDatabase } from './db/prepare.ts';
import { explorerHandler } from './explorer.ts';
import { createApp } from './yoga.ts';

export interface RunningServer {
  url: string;
  db: Database;
  server: Server;
  /**
   * Resolves once the schema is applied and the graph seeded: before startServer returns when Neo4j
   * answers then, else in the background once it does. Rejects on a failure retrying cannot fix.
   */
  prepared: Promise<void>;
  /**
   * Refuses new requests (503, and no new connections), lets those in flight finish for up to
   * `graceMs` (then cuts them off), and closes the driver.
   */
  close(graceMs?: number): Promise<void>;
}

/** Paths the GraphQL app answers; the explorer has every other. */
const API_PATHS = new Set(['/graphql', '/health', '/ready']);

const SHUTTING_DOWN = JSON.stringify({
  errors: [
    {
      message: 'The server is shutting down; try again shortly.',
      extensions: { code: 'SHUTTING_DOWN' },
    },
  ],
});

/**
 * Connects to Neo4j at `uri`, prepares the graph, and listens; used by main and by tests. When
 * Neo4j cannot be reached it listens anyway: /ready answers 503 and queries DATABASE_UNAVAILABLE
 * until schema setup and seeding, retried in the background, have succeeded.
 */
export async function startServer(
  config: Config,
  uri: string,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const db = connectDatabase(config, uri);

  const stopPreparing = new AbortController();
  let firstRetry: () => void = () => {};
  const retrying = new Promise<'retrying'>((resolve) => {
    firstRetry = () => resolve('retrying');
  });
  const prepared = prepareDatabase(db, {
    seedDir: config.SEED ? config.SEED_DIR : undefined,
    log,
    signal: stopPreparing.signal,
    onRetry: () => firstRetry(),
  });
  db.holdReadinessUntil(prepared);
  try {
    // Neo4j up: prepared before listening, as a client expects. Down: listen now, prepare later.
    if ((await Promise.race([prepared, retrying])) === 'retrying') {
      log(`Neo4j at ${uri} cannot be reached yet; serving, and preparing the graph once it can be`);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  prepared.catch((error: unknown) => {
    if (!stopPreparing.signal.aborted) {
      log(`could not prepare the graph: ${error instanceof Error ? error.message : error}`);
    }
  });

  const app = createApp({ db, config });
  const explorer = explorerHandler(config.EXPLORER_DIR);
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (draining) {
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
        'retry-after': '5',
      });
      res.end(SHUTTING_DOWN);
      return;
    }
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A keep-alive connection that finished its last response while draining is now idle.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (API_PATHS.has(path)) void app(req, res);
    else explorer(req, res);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let closing: Promise<void> | undefined;
  const close = async (graceMs: number) => {
    draining = true;
    stopPreparing.abort();
    for (const res of inFlight) {
      if (!res.headersSent) res.setHeader('connection', 'close');
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cutOff = setTimeout(() => {
      if (inFlight.size > 0) log(`${inFlight.size} request(s) still in flight after ${graceMs} ms`);
      server.closeAllConnections();
    }, graceMs);
    await closed;
    clearTimeout(cutOff);
    await db.close();
  };
  return {
    url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`,
    db,
    server,
    prepared,
    close(graceMs = config.SHUTDOWN_TIMEOUT_MS) {
      closing ??= close(graceMs);
      return closing;
    },
  };
}
