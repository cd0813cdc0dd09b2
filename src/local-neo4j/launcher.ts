import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAIN_CLASS, requireJava, resolveClasspath } from './maven.ts';
import { probePort, verifyBolt } from './probe.ts';

export interface LocalNeo4jOptions {
  /** The embedded DBMS's home folder; starting again on the same folder reuses its data. */
  dataDir: string;
  port: number;
  /** Receives each line the JVM prints. */
  log?: (line: string) => void;
  /** How long the JVM may take to accept Bolt connections (excludes the first Maven download). */
  readyTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  /** True when a Neo4j was already listening on the port; `stop()` then leaves it alone. */
  reused: boolean;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Must match LocalNeo4j.EXIT_PORT_IN_USE in the Java launcher. */
const EXIT_PORT_IN_USE = 3;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_TAIL_LINES = 30;

function jvmArgs(): string[] {
  const heap = process.env.NEO4J_LOCAL_HEAP ?? '512m';
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    // Same opens as Neo4j's shipped neo4j.conf; without them the page cache uses a slow fallback.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
  ];
}

function portInUseError(port: number): Error {
  return new Error(
    `port ${port} on ${HOST} is in use by another program; set NEO4J_LOCAL_PORT or NEO4J_URI`,
  );
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

function exitOf(child: ChildProcessWithoutNullStreams): Promise<Exit> {
  return new Promise((resolveExit) => {
    child.once('error', (error) => resolveExit({ code: null, signal: null, error }));
    // 'close', not 'exit': it waits for stdout/stderr to drain, so `tail` holds the last words.
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  });
}

async function waitUntilReady(
  uri: string,
  port: number,
  exited: Promise<Exit>,
  tail: string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | undefined;
  void exited.then((value) => {
    exit = value;
  });
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exit) {
      if (exit.code === EXIT_PORT_IN_USE) throw portInUseError(port);
      if (exit.error) throw new Error(`could not run java: ${exit.error.message}`);
      const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
      throw new Error(
        `Neo4j (java) exited with ${how} before it was ready. Last output:\n${tail.join('\n')}`,
      );
    }
    try {
      await verifyBolt(uri);
      return;
    } catch (error) {
      lastError = error;
    }
    await Promise.race([sleep(250), exited]);
  }
  throw new Error(
    `Neo4j did not accept Bolt connections at ${uri} within ${timeoutMs} ms ` +
      `(last error: ${(lastError as Error | undefined)?.message}). Last output:\n${tail.join('\n')}`,
  );
}

async function stopProcess(
  child: ChildProcessWithoutNullStreams,
  exited: Promise<Exit>,
): Promise<void> {
  // SIGTERM runs the JVM's shutdown hook, which checkpoints and closes the stores.
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killer);
}

/**
 * Starts Neo4j Community embedded in a JVM with Bolt on 127.0.0.1:`port`, no auth, no TLS, or
 * reuses a Neo4j already answering there. The JVM also exits if this process dies (stdin EOF).
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { port, log = () => {}, readyTimeoutMs = 120_000 } = options;
  const uri = `bolt://${HOST}:${port}`;
  const holder = await probePort(HOST, port);
  if (holder === 'neo4j') return { uri, reused: true, stop: async () => {} };
  if (holder === 'neo4j-with-auth') {
    throw new Error(
      `port ${port} on ${HOST} has a Neo4j that requires a password; ` +
        'set NEO4J_URI (and credentials) to use it, or NEO4J_LOCAL_PORT to start another one',
    );
  }
  if (holder === 'other') throw portInUseError(port);

  const java = await requireJava();
  const classpath = await resolveClasspath();
  const args = [...jvmArgs(), '-cp', classpath, MAIN_CLASS, resolve(options.dataDir), String(port)];
  // stdin stays open and unused: the JVM treats its EOF as "parent gone".
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = exitOf(child);
  child.stdin.on('error', () => {}); // EPIPE once the JVM is gone is expected.

  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      log(line);
    });
  }

  try {
    await waitUntilReady(uri, port, exited, tail, readyTimeoutMs);
  } catch (error) {
    await stopProcess(child, exited);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    uri,
    reused: false,
    stop: () => {
      stopping ??= stopProcess(child, exited);
      return stopping;
    },
  };
}
