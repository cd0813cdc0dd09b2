import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TestHelper } from './test-helper.ts';
import { waitFor } from './wait-for.ts';
import { workerNeo4j } from './worker-neo4j.ts';

/** What a test's server starts on, and with which settings. */
export interface TestServerOptions {
  /**
   * The graph of the shared test Neo4j: `seeded` (the default) the seed graph, `empty` the schema
   * alone (a server with SEED on then seeds it itself), `as-is` left as the last test left it.
   */
  graph?: 'seeded' | 'empty' | 'as-is';
  /** Another Neo4j than the shared one (a test that stops or starts it), on its default login. */
  uri?: string;
  /**
   * A store to read through instead of any Neo4j (a StubStore, tests/helpers/stub-store.ts): for
   * unit tests of the listening server's HTTP behaviour; `graph` and `uri` then play no part.
   */
  store?: Database;
  /** What the test is about, on top of the defaults. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/**
 * A listening server (on a free port) for a test: over the shared test Neo4j, its login and
 * database, unless `uri` names another; every integration test starts its server here.
 */
export async function startTestServer({
  graph = 'seeded',
  uri,
  store,
  env = {},
  log = () => {},
}: TestServerOptions = {}): Promise<RunningServer> {
  if (store) {
    // No warm-up: it would send the stub the reads of a real graph.
    const config = loadConfig({ PORT: '0', SEED: 'false', READY_WARM_UP_MS: '0', ...env });
    return startServer(config, store, log);
  }
  const neo4j = workerNeo4j();
  const shared = uri === undefined;
  if (shared && graph !== 'as-is') {
    const helper = new TestHelper();
    try {
      await (graph === 'seeded' ? helper.seed() : helper.reset());
    } finally {
      await helper.close();
    }
  }
  const config = loadConfig({
    PORT: '0',
    ...(graph === 'seeded' && shared ? { SEED: 'false' } : {}),
    ...(shared
      ? {
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: process.env.NEO4J_DATABASE,
        }
      : {}),
    ...env,
  });
  return startServer(config, uri ?? neo4j.uri, log);
}

/** The listening server of a `describe` (or file), read once its tests run. */
export interface TestServer {
  readonly running: RunningServer;
  /** Its /graphql address. */
  readonly url: string;
  /** Its origin (`http://127.0.0.1:port`), for /health, /ready and the pages. */
  readonly origin: string;
  readonly port: number;
}

/**
 * Starts a test server before the tests of the enclosing `describe` (or file), waits until /ready
 * answers 200 (its start warm-up done, as a balancer would), and closes it after them, within
 * `closeMs`. `options` may be a function, for a setting prepared first (a folder).
 */
export function useTestServer(
  options: TestServerOptions | (() => Promise<TestServerOptions>) = {},
  closeMs = 1_000,
): TestServer {
  let running: RunningServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(typeof options === 'function' ? await options() : options);
    const ready = new URL('/ready', running.url);
    await waitFor(
      'the test server is ready',
      async () => (await fetch(ready)).status === 200,
      60_000,
    );
  });
  afterAll(async () => {
    await running?.close(closeMs);
  });
  const started = () => {
    if (!running) throw new Error('the test server is read before it started (in beforeAll)');
    return running;
  };
  return {
    get running() {
      return started();
    },
    get url() {
      return started().url;
    },
    get origin() {
      return new URL(started().url).origin;
    },
    get port() {
      return Number(new URL(started().url).port);
    },
  };
}
