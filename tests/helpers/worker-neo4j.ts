import { inject } from 'vitest';

/** A test Neo4j: where it listens and its login. */
export interface TestNeo4jLogin {
  uri: string;
  username: string;
  password: string;
}

/**
 * The Neo4j this test file has to itself. Integration files run in parallel, one per worker, and
 * global setup starts one Neo4j per worker: a file never sees another file's graph.
 */
export function workerNeo4j(): TestNeo4jLogin {
  const all = inject('neo4j');
  const pool = Number(process.env.VITEST_POOL_ID ?? 1);
  return all[(pool - 1) % all.length] as TestNeo4jLogin;
}

/** The environment a process (`npm run …`, `src/main.ts`) needs to use this file's Neo4j. */
export function workerNeo4jEnv(): Record<string, string> {
  const { uri, username, password } = workerNeo4j();
  return {
    NEO4J_URI: uri,
    NEO4J_USERNAME: username,
    NEO4J_PASSWORD: password,
    ...(process.env.NEO4J_DATABASE ? { NEO4J_DATABASE: process.env.NEO4J_DATABASE } : {}),
  };
}
