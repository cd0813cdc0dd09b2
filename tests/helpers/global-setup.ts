import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { provideTestNeo4j } from './neo4j-source.ts';
import type { TestNeo4jLogin } from './worker-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One Neo4j per worker of the integration project (see worker-neo4j.ts). */
    neo4j: TestNeo4jLogin[];
  }
}

/**
 * Starts one Neo4j per integration worker, so files run in parallel without sharing a graph, and
 * stops them after the run. A Neo4j given by NEO4J_URI is one only: the files then take turns.
 */
export default async function setup(project: TestProject) {
  // maxWorkers is 1 when file parallelism is off (vitest.config.ts turns it off for NEO4J_URI).
  const count = process.env.NEO4J_URI ? 1 : Math.max(1, project.config.maxWorkers);
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      provideTestNeo4j((line) => {
        if (process.env.DEBUG_NEO4J) console.log(`[neo4j ${i + 1}] ${line}`);
      }),
    ),
  );
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    // None left running: the run ends here.
    await Promise.all(servers.map((neo4j) => neo4j.stop()));
    throw failed.reason;
  }
  for (const neo4j of servers) {
    console.log(`integration tests use Neo4j from ${neo4j.source} at ${neo4j.uri}`);
  }
  project.provide(
    'neo4j',
    servers.map(({ uri, username, password }) => ({ uri, username, password })),
  );
  return async () => {
    await Promise.all(servers.map((neo4j) => neo4j.stop()));
  };
}
