import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type VerifiedTokens, verifyBearer } from './auth/authenticate.ts';
import { jwtVerifier } from './auth/jwt.ts';
import type { Principal } from './auth/roles.ts';
import type { Config } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import type { Database } from './db/database.ts';
import { prepareDatabase } from './db/prepare.ts';
import { explorerHandler } from './explorer.ts';
import { ClientConcurrency, limitedClient } from './http/client-concurrency.ts';
import { WARM_UP_OPERATIONS, warmUp } from './http/warm-up.ts';
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

/** Answers at once with a GraphQL error, closing the connection if the body is still unread. */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: { message: string; code: string },
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(req.complete ? {} : { connection: 'close' }),
    ...headers,
  });
  res.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
  );
}

/** Paths the GraphQL app answers; the explorer has every other. */
const API_PATHS = new Set(['/graphql', '/health', '/ready']);
/** The only path counted against a client's limit: probes and the explorer's files are cheap. */
const LIMITED_PATH = '/graphql';

/**
 * Connects to Neo4j at `uri`, prepares the graph, and listens; used by main and by tests. When
 * Neo4j cannot be reached it listens anyway: /ready answers 503 and queries DATABASE_UNAVAILABLE
 * until schema setup and seeding, retried in the background, have succeeded. Given a Database
 * instead of a URI, the server reads through it (tests of HTTP behaviour pass a stub store).
 */
export async function startServer(
  config: Config,
  store: string | Database,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const db = typeof store === 'string' ? connectDatabase(config, store, { log }) : store;
  const uri = db.options.uri ?? 'the given store';

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
  const verifyJwt = jwtVerifier(config);
  const verified: VerifiedTokens = new WeakMap();
  const app = createApp({ db, config, verified, verifyJwt });
  // /ready waits for the warm-up too, so the first requests a balancer sends find Neo4j's plans
  // made; requests are served meanwhile.
  db.holdReadinessUntil(
    prepared.then(() =>
      warmUp(app, WARM_UP_OPERATIONS, {
        limitMs: config.READY_WARM_UP_MS,
        signal: stopPreparing.signal,
        log,
      }),
    ),
  );
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

  const explorer = explorerHandler(config.EXPLORER_DIR);
  const perClient = new ClientConcurrency(config.MAX_CONCURRENT_REQUESTS_PER_CLIENT);
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  /** Who sends a request with a bearer token, verified once here and handed on to yoga. */
  const signedIn = async (req: IncomingMessage): Promise<Principal | null> => {
    const header = req.headers.authorization;
    if (header === undefined) return null;
    try {
      const principal = await verifyBearer(db, header, verifyJwt);
      verified.set(req, principal);
      return principal;
    } catch {
      // Neo4j unreachable: counted by address, and yoga's own check reports the failure.
      return null;
    }
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    // A key's requests share its limits wherever they come from; a bad token counts as anonymous.
    const principal = path === LIMITED_PATH ? await signedIn(req) : null;
    if (draining) {
      const message = 'The server is shutting down; try again shortly.';
      refuse(
        req,
        res,
        503,
        { message, code: 'SHUTTING_DOWN' },
        { connection: 'close', 'retry-after': '5' },
      );
      return;
    }
    const release =
      path === LIMITED_PATH
        ? perClient.acquire(limitedClient(principal, req, config.TRUST_PROXY))
        : () => {};
    if (!release) {
      const message = `Too many requests in flight from this client: at most ${perClient.max} at a time; wait for an answer before sending more.`;
      refuse(req, res, 429, { message, code: 'TOO_MANY_REQUESTS' }, { 'retry-after': '1' });
      return;
    }
    inFlight.add(res);
    // The slot is freed when the response closes: sent in full, or its client gone. A write
    // waiting for a `drain` that a closed socket never emits must not hold it, and the work of a
    // client that left is cancelled (its request's signal aborts its Neo4j transactions).
    res.once('close', () => {
      release();
      inFlight.delete(res);
      // A keep-alive connection that finished its last response while draining is now idle.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    // yoga answers its own failures; a write to a socket already gone is nobody's to report.
    if (API_PATHS.has(path)) Promise.resolve(app(req, res)).catch(() => {});
    else explorer(req, res);
  };
  const server = createServer(
    {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      // How often Node checks those timeouts (default 30 s, which would double a 30 s timeout).
      connectionsCheckingInterval: Math.min(1_000, config.HTTP_HEADERS_TIMEOUT_MS),
    },
    (req, res) => void handle(req, res),
  );
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
