import { loadConfig } from './config.ts';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j/launcher.ts';
import { type RunningServer, startServer } from './server.ts';

/** Beyond SHUTDOWN_TIMEOUT_MS, how long closing the driver and a local Neo4j may take. */
const CLOSE_ALLOWANCE_MS = 40_000;
/**
 * A signal to a process group reaches this process twice when it runs under `npm start`: from the
 * group, and forwarded by npm. A second one within this window is the same request to stop.
 */
const REPEATED_SIGNAL_MS = 1_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `npm start`: a local Neo4j unless NEO4J_URI is set, the seeded graph, and the API. */
async function main() {
  const config = loadConfig();
  let local: LocalNeo4j | undefined;
  let server: RunningServer | undefined;

  // SIGTERM/SIGINT: refuse new requests, finish those in flight (up to SHUTDOWN_TIMEOUT_MS), close
  // the driver, then stop the local Neo4j (in its own process group, so still serving until now),
  // exit 0. A second signal, a second or more after the first, exits at once.
  let stopping = false;
  let stoppingAt = 0;
  const stop = async (reason: string, code: number) => {
    if (stopping) {
      if (Date.now() - stoppingAt < REPEATED_SIGNAL_MS) return;
      console.log(`${reason}: exiting now`);
      process.exit(1);
    }
    stopping = true;
    stoppingAt = Date.now();
    console.log(`${reason}: shutting down`);
    const watchdog = setTimeout(() => {
      console.error('Shutdown did not finish in time; exiting.');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + CLOSE_ALLOWANCE_MS);
    watchdog.unref();
    try {
      await server?.close(config.SHUTDOWN_TIMEOUT_MS);
    } catch (error) {
      console.error(`Closing the server failed: ${message(error)}`);
    }
    try {
      await local?.stop();
    } catch (error) {
      console.error(`Stopping the local Neo4j failed: ${message(error)}`);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));

  local = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.NEO4J_LOCAL_DATA_DIR,
        port: config.NEO4J_LOCAL_PORT,
        log: (line) => console.log(`[neo4j] ${line}`),
      });
  const uri = config.NEO4J_URI ?? (local as LocalNeo4j).uri;
  console.log(
    local ? `Local Neo4j ${local.reused ? 'reused' : 'started'} at ${uri}` : `Neo4j at ${uri}`,
  );
  try {
    server = await startServer(config, uri);
  } catch (error) {
    await local?.stop();
    throw error;
  }
  console.log(`GraphQL API ready at ${server.url}`);
  // A failure retrying cannot fix (a bad seed file, wrong credentials) ends the process.
  server.prepared.catch(() => {
    if (!stopping) void stop('Preparing the graph failed', 1);
  });
}

main().catch((error: unknown) => {
  console.error(message(error));
  process.exit(1);
});
