import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TestHelper } from './test-helper.ts';

/**
 * A listening server (on a free port) over the test Neo4j, its graph seeded first; `env` sets what
 * the test is about on top of the defaults.
 */
export async function startSeededServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const helper = new TestHelper();
  await helper.seed();
  await helper.close();
  const { uri, username, password } = inject('neo4j');
  const config = loadConfig({
    PORT: '0',
    SEED: 'false',
    NEO4J_USERNAME: username,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: process.env.NEO4J_DATABASE,
    ...env,
  });
  return startServer(config, uri, () => {});
}
