import { setTimeout as sleep } from 'node:timers/promises';
import {
  debugLogTail,
  describeExit,
  type Exit,
  type Jvm,
  type Neo4jMemory,
  spawnJvm,
} from './jvm.ts';
import { requireJava, resolveClasspath } from './maven.ts';
import { probePort, verifyBolt } from './probe.ts';

export interface LocalNeo4jOptions {
  /** The embedded DBMS's home folder; starting again on the same folder reuses its data. */
  dataDir: string;
  port: number;
  /** Receives each line the JVM prints, and what the supervisor does. */
  log?: (line: string) => void;
  /** How long the JVM may take to accept Bolt connections (excludes the first Maven download). */
  readyTimeoutMs?: number;
  /** First wait before restarting a JVM that died; doubled on each failed restart, up to 30 s. */
  restartDelayMs?: number;
  /**
   * JVM heap and page cache (`2g`, `512m`); NEO4J_LOCAL_HEAP and NEO4J_LOCAL_PAGECACHE win when
   * set. Defaults: 512m heap, 256m page cache.
   */
  memory?: Neo4jMemory;
}

export interface LocalNeo4j {
  uri: string;
  /** True when a Neo4j was already listening on the port; `stop()` then leaves it alone. */
  reused: boolean;
  /** The pid of the JVM started last (undefined if reused). */
  pid(): number | undefined;
  /** Stops the JVM, and restarts no more. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Must match LocalNeo4j.EXIT_PORT_IN_USE in the Java launcher. */
const EXIT_PORT_IN_USE = 3;
const MAX_RESTART_DELAY_MS = 30_000;
/** A JVM that ran this long before dying was healthy: the next restart waits the first delay. */
const STABLE_RUN_MS = 60_000;

function portInUseError(port: number): Error {
  return new Error(
    `port ${port} on ${HOST} is in use by another program; set NEO4J_LOCAL_PORT or NEO4J_URI`,
  );
}

async function waitUntilReady(uri: string, port: number, jvm: Jvm, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | undefined;
  void jvm.exited.then((value) => {
    exit = value;
  });
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exit) {
      if (exit.code === EXIT_PORT_IN_USE) throw portInUseError(port);
      if (exit.error) throw new Error(describeExit(exit));
      throw new Error(
        `Neo4j (java) exited with ${describeExit(exit)} before it was ready. Last output:\n${jvm.tail.join('\n')}`,
      );
    }
    try {
      await verifyBolt(uri);
      return;
    } catch (error) {
      lastError = error;
    }
    await Promise.race([sleep(250), jvm.exited]);
  }
  throw new Error(
    `Neo4j did not accept Bolt connections at ${uri} within ${timeoutMs} ms ` +
      `(last error: ${(lastError as Error | undefined)?.message}). Last output:\n${jvm.tail.join('\n')}`,
  );
}

/**
 * Starts Neo4j Community embedded in a JVM with Bolt on 127.0.0.1:`port`, no auth, no TLS, or
 * reuses a Neo4j already answering there. A JVM started here is supervised: if it dies, its exit
 * and the last lines of its output and log are logged, and it is restarted on the same data folder
 * and port, waiting `restartDelayMs` first, then twice as long after each failed try.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { dataDir, port, log = () => {}, readyTimeoutMs = 120_000 } = options;
  const firstDelayMs = options.restartDelayMs ?? 1_000;
  const uri = `bolt://${HOST}:${port}`;
  const holder = await probePort(HOST, port);
  if (holder === 'neo4j') return { uri, reused: true, pid: () => undefined, stop: async () => {} };
  if (holder === 'neo4j-with-auth') {
    throw new Error(
      `port ${port} on ${HOST} has a Neo4j that requires a password; ` +
        'set NEO4J_URI (and credentials) to use it, or NEO4J_LOCAL_PORT to start another one',
    );
  }
  if (holder === 'other') throw portInUseError(port);

  const java = await requireJava();
  const classpath = await resolveClasspath();
  const launch = async (): Promise<Jvm> => {
    jvm = spawnJvm(java, classpath, dataDir, port, log, options.memory);
    try {
      await waitUntilReady(uri, port, jvm, readyTimeoutMs);
      return jvm;
    } catch (error) {
      await jvm.stop();
      throw error;
    }
  };

  let jvm: Jvm | undefined;
  let stopped = false;
  const stopWaiting = new AbortController();
  const supervise = async (running: Jvm) => {
    let delayMs = firstDelayMs;
    for (;;) {
      const startedAt = Date.now();
      const exit = await running.exited;
      if (stopped) return;
      if (Date.now() - startedAt >= STABLE_RUN_MS) delayMs = firstDelayMs;
      const output = running.tail.slice(-10);
      const debugLog = await debugLogTail(dataDir);
      log(
        `Neo4j (pid ${running.pid}) exited unexpectedly with ${describeExit(exit)}; restarting in ${delayMs} ms.` +
          `\nLast output:\n${output.join('\n') || '(none)'}` +
          `\nLast lines of ${dataDir}/logs/debug.log:\n${debugLog.join('\n') || '(none)'}`,
      );
      for (;;) {
        await sleep(delayMs, undefined, { signal: stopWaiting.signal }).catch(() => {});
        if (stopped) return;
        const restartAt = Date.now();
        try {
          running = await launch();
          log(
            `Neo4j restarted (pid ${running.pid}), accepting Bolt after ${Date.now() - restartAt} ms`,
          );
          break;
        } catch (error) {
          if (stopped) return;
          delayMs = Math.min(delayMs * 2, MAX_RESTART_DELAY_MS);
          log(`Neo4j restart failed: ${(error as Error).message}; next try in ${delayMs} ms`);
        }
      }
    }
  };

  void supervise(await launch());
  let stopping: Promise<void> | undefined;
  return {
    uri,
    reused: false,
    pid: () => jvm?.pid,
    stop: () => {
      stopped = true;
      stopWaiting.abort();
      stopping ??= (async () => {
        // A restart in progress may replace `jvm` while the current one stops.
        let stoppedJvm: Jvm | undefined;
        while (jvm && jvm !== stoppedJvm) {
          stoppedJvm = jvm;
          await jvm.stop();
        }
      })();
      return stopping;
    },
  };
}
