import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TestHelper } from './test-helper.ts';
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
  env = {},
  log = () => {},
}: TestServerOptions = {}): Promise<RunningServer> {
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
