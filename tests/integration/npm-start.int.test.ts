import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { postInTwoParts } from '../helpers/http-client.ts';

// `npm start` as a user, a supervisor or a terminal runs it: in a process group of its own, with
// the local Neo4j the server launches (not the shared test Neo4j), stopped by a signal to the whole
// group or to npm alone, while requests are in flight.

const IN_FLIGHT = 20;
const SLUGS = ['israel-russia-bilateral-relations', 'tass-russian-israeli-relations'];

interface Started {
  npm: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

let dataDir: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'relations-graph-npm-start-'));
});

afterEach(async () => {
  // Whatever a failed test left: the npm process group, and the JVM in its own group.
  for (const npm of started.splice(0)) {
    if (npm.pid) {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {}
    }
  }
  for (const { pid } of await processesWith(dataDir)) process.kill(pid, 'SIGKILL');
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Running processes whose command line holds `text`, with their process group. */
async function processesWith(text: string) {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,pgid=,args=']);
  return stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter(
      (match): match is RegExpExecArray => match !== null && match[3]?.includes(text) === true,
    )
    .map((match) => ({ pid: Number(match[1]), pgid: Number(match[2]), args: match[3] as string }));
}

async function processesInGroup(pgid: number) {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,pgid=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid);
}

async function npmStart(): Promise<Started> {
  const port = await findFreePort();
  // detached: npm leads a new process group, as a terminal or supervisor would start it.
  const { NEO4J_URI: _external, ...env } = process.env;
  const npm = spawn('npm', ['start'], {
    detached: true,
    env: {
      ...env,
      NODE_ENV: 'test',
      NEO4J_LOCAL_PORT: String(await findFreePort()),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      SHUTDOWN_TIMEOUT_MS: '20000',
      MAX_CONCURRENT_REQUESTS_PER_CLIENT: String(IN_FLIGHT + 5),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  const output: string[] = [];
  npm.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => npm.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const deadline = Date.now() + 240_000;
  while (
    (await fetch(`http://127.0.0.1:${port}/ready`).then(
      (response) => response.status,
      () => 0,
    )) !== 200
  ) {
    if (npm.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not become ready:\n${output.join('')}`);
    }
    await sleep(250);
  }
  return { npm, port, output, exited };
}

/** Requests the server has begun (headers and half the body), which answer once finished. */
async function requestsInFlight(port: number) {
  const requests = Array.from({ length: IN_FLIGHT }, () =>
    postInTwoParts(port, '{ documents { slug } }'),
  );
  await Promise.all(requests.map((r) => r.headersSent));
  await sleep(500); // The server has read the headers: the requests are in flight.
  return requests;
}

async function waitForOutput(output: string[], text: string) {
  const deadline = Date.now() + 20_000;
  while (!output.join('').includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${output.join('')}`);
    await sleep(20);
  }
}

async function expectAllAnswered(requests: ReturnType<typeof postInTwoParts>[]) {
  for (const request of requests) request.finish();
  const answers = await Promise.all(requests.map((r) => r.response));
  for (const { status, body } of answers) {
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.documents.map((d: { slug: string }) => d.slug).sort()).toEqual(SLUGS);
  }
}

describe('npm start', () => {
  it('drains every request in flight on SIGTERM to its process group, then stops Neo4j, exit 0', {
    timeout: 300_000,
  }, async () => {
    const { npm, port, output, exited } = await npmStart();
    const pgid = npm.pid as number;
    const [server] = (await processesWith('src/main.ts')).filter((p) => p.pgid === pgid);
    const [jvm] = await processesWith(dataDir);
    expect(server).toBeDefined();
    expect(jvm?.args).toContain('java');
    expect(jvm?.pgid).not.toBe(pgid); // Its own group: the signal below does not reach it.

    const requests = await requestsInFlight(port);
    const signalledAt = Date.now();
    process.kill(-pgid, 'SIGTERM');
    await waitForOutput(output, 'SIGTERM: shutting down');
    // Neo4j must outlive the drain: answering now needs it.
    await sleep(1_000);
    await expectAllAnswered(requests);

    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(output.join('')).not.toContain('exiting now');
    expect(await processesInGroup(pgid)).toEqual([]);
    expect(await processesWith(dataDir)).toEqual([]);
    console.log(
      `group SIGTERM: ${IN_FLIGHT} requests in flight → 200 with data; npm exit 0 after ${exit.at - signalledAt} ms; no JVM left`,
    );
  });

  it('drains and exits, leaving no server behind, on SIGTERM to the npm process alone', {
    timeout: 300_000,
  }, async () => {
    const { npm, port, output, exited } = await npmStart();
    const pgid = npm.pid as number;
    const requests = await requestsInFlight(port);
    npm.kill('SIGTERM');
    await waitForOutput(output, 'SIGTERM: shutting down');
    await sleep(500);
    await expectAllAnswered(requests);
    expect(await exited).toMatchObject({ code: 0, signal: null });
    // npm exits once the server has: nothing of the group, nor the JVM, is left running.
    expect(await processesInGroup(pgid)).toEqual([]);
    expect(await processesWith(dataDir)).toEqual([]);
  });
});
