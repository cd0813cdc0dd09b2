import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { MAIN_CLASS } from './maven.ts';

const OUTPUT_TAIL_LINES = 30;
const STOP_TIMEOUT_MS = 30_000;

export type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

/** One run of the Neo4j JVM. */
export interface Jvm {
  pid: number | undefined;
  /** Resolves when the JVM has exited and its output is read to the end. */
  exited: Promise<Exit>;
  /** Its last lines of output. */
  tail: string[];
  /** SIGTERM (a clean shutdown), SIGKILL after 30 s; resolves once it is gone. */
  stop(): Promise<void>;
}

export const describeExit = (exit: Exit) =>
  exit.error
    ? `could not run java: ${exit.error.message}`
    : exit.signal
      ? `signal ${exit.signal}`
      : `code ${exit.code}`;

/** The JVM's heap and Neo4j's page cache, as Java sizes (`2g`, `512m`). */
export interface Neo4jMemory {
  heap: string;
  pageCache: string;
}

function jvmArgs(memory?: Neo4jMemory): string[] {
  const heap = process.env.NEO4J_LOCAL_HEAP ?? memory?.heap ?? '512m';
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

function exitOf(child: ChildProcessWithoutNullStreams): Promise<Exit> {
  return new Promise((resolveExit) => {
    child.once('error', (error) => resolveExit({ code: null, signal: null, error }));
    // 'close', not 'exit': it waits for stdout/stderr to drain, so `tail` holds the last words.
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  });
}

/**
 * Spawns the JVM in a process group of its own: a signal to the server's group (Ctrl-C, a
 * supervisor stopping `npm start`) does not reach it, so the server can drain its requests first
 * and then stop it. It still exits when the server dies: stdin stays open and unused, and the JVM
 * treats its EOF as "parent gone".
 */
export function spawnJvm(
  java: string,
  classpath: string,
  dataDir: string,
  port: number,
  log: (line: string) => void,
  memory?: Neo4jMemory,
): Jvm {
  const args = [...jvmArgs(memory), '-cp', classpath, MAIN_CLASS, resolve(dataDir), String(port)];
  // The Java launcher reads the page cache size from its environment.
  const env = { ...process.env };
  if (memory && !env.NEO4J_LOCAL_PAGECACHE) env.NEO4J_LOCAL_PAGECACHE = memory.pageCache;
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
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
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    // SIGTERM runs the JVM's shutdown hook, which checkpoints and closes the stores.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };
  return {
    pid: child.pid,
    exited,
    tail,
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}

/** The last lines of the DBMS's own log (`<dataDir>/logs/debug.log`), or [] if it has none. */
export async function debugLogTail(dataDir: string, lines = 10): Promise<string[]> {
  try {
    const text = await readFile(join(resolve(dataDir), 'logs', 'debug.log'), 'utf8');
    return text.trimEnd().split('\n').slice(-lines);
  } catch {
    return [];
  }
}
