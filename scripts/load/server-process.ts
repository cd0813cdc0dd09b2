/**
 * The server under load, in its own process: `node --import tsx src/main.ts` spawned directly (no
 * npx or tsx wrapper in between), so the child's pid is the server's and its memory is the
 * server's alone. Listens on 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT_TAIL_LINES = 40;
const STOP_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Where its Neo4j is: NEO4J_URI, or the local one it started in a temporary folder. */
  neo4j: string;
  /** Resident memory of the server process now, in kB (VmRSS), and its peak so far (VmHWM). */
  memory(): Promise<{ rssKb: number; peakKb: number }>;
  /** True while the process runs. */
  alive(): boolean;
  /** The last lines it printed. */
  tail(): string[];
  /** SIGTERM, wait for the exit (SIGKILL after 30 s); resolves to how it ended. */
  stop(): Promise<string>;
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

const describeExit = (exit: Exit) =>
  exit.error
    ? `could not start: ${exit.error.message}`
    : exit.signal
      ? `signal ${exit.signal}`
      : `exit code ${exit.code}`;

async function readStatus(pid: number): Promise<{ rssKb: number; peakKb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]);
  };
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/**
 * Starts the server and waits until /ready answers 200. Uses NEO4J_URI when set; otherwise the
 * server starts its local Neo4j on a free port with a temporary data folder (removed by `stop`).
 */
export async function startServerProcess(options: {
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}): Promise<ServerProcess> {
  const { readyTimeoutMs = 300_000, log = () => {} } = options;
  const port = await findFreePort(HOST);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST,
    PORT: String(port),
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  let dataDir: string | undefined;
  if (!process.env.NEO4J_URI) {
    dataDir = await mkdtemp(join(tmpdir(), 'relations-graph-load-'));
    env.NEO4J_LOCAL_DATA_DIR = dataDir;
    env.NEO4J_LOCAL_PORT = String(await findFreePort(HOST));
  }
  const neo4j = process.env.NEO4J_URI ?? `local Neo4j on ${HOST}:${env.NEO4J_LOCAL_PORT}`;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = exitOf(child);
  let exit: Exit | undefined;
  void exited.then((value) => {
    exit = value;
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > OUTPUT_TAIL_LINES) lines.shift();
      log(line);
    });
  }
  // Never leave the server (and its Neo4j) behind if this process ends abruptly.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);

  let stopping: Promise<string> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (!exit) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const how = describeExit(await exited);
      clearTimeout(killer);
      process.removeListener('exit', orphanGuard);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      return how;
    })();
    return stopping;
  };

  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exit) {
      await stop();
      throw new Error(
        `the server ended (${describeExit(exit)}) before it was ready. Last output:\n${lines.join('\n')}`,
      );
    }
    try {
      const response = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the server was not ready within ${readyTimeoutMs} ms. Last output:\n${lines.join('\n')}`,
      );
    }
    await sleep(250);
  }

  const pid = child.pid as number;
  const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
  if (!cmdline.includes('src/main.ts')) {
    await stop();
    throw new Error(`pid ${pid} is not the server process: ${cmdline}`);
  }
  return {
    pid,
    base,
    neo4j,
    memory: () => readStatus(pid),
    alive: () => !exit,
    tail: () => [...lines],
    stop,
  };
}
