/** `npm run neo4j`: a local Neo4j (no Docker) on NEO4J_LOCAL_PORT, data in NEO4J_LOCAL_DATA_DIR. */
import { loadConfig } from '../src/config.ts';
import { startLocalNeo4j } from '../src/local-neo4j/launcher.ts';

try {
  const config = loadConfig();
  const neo4j = await startLocalNeo4j({
    dataDir: config.NEO4J_LOCAL_DATA_DIR,
    port: config.NEO4J_LOCAL_PORT,
    log: (line) => console.error(`[neo4j] ${line}`),
  });
  if (neo4j.reused) {
    console.log(`Neo4j is already running at ${neo4j.uri}; nothing to start.`);
  } else {
    console.log(
      `Neo4j ready at ${neo4j.uri} (data in ${config.NEO4J_LOCAL_DATA_DIR}); Ctrl-C stops it.`,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`${signal}: stopping Neo4j`);
        void neo4j.stop().then(() => process.exit(0));
      });
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
