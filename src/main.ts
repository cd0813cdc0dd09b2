import { loadConfig } from './config.ts';
import { startLocalNeo4j } from './local-neo4j/launcher.ts';
import { startServer } from './server.ts';

/** `npm start`: a local Neo4j unless NEO4J_URI is set, the seeded graph, and the API. */
async function main() {
  const config = loadConfig();
  const local = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.NEO4J_LOCAL_DATA_DIR,
        port: config.NEO4J_LOCAL_PORT,
        log: (line) => console.log(`[neo4j] ${line}`),
      });
  const uri = config.NEO4J_URI ?? (local as { uri: string }).uri;
  console.log(
    local ? `Local Neo4j ${local.reused ? 'reused' : 'started'} at ${uri}` : `Neo4j at ${uri}`,
  );
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, uri);
  } catch (error) {
    await local?.stop();
    throw error;
  }
  console.log(`GraphQL API ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await server.close();
    await local?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
