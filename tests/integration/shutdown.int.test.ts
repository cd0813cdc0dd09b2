import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { postInTwoParts } from '../helpers/http-client.ts';
import { workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// SIGTERM to the real server process (`src/main.ts`, against the test Neo4j): requests in
// flight finish, new ones are refused, the process exits 0 in time.

interface Started {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

async function startMain(env: Record<string, string>): Promise<Started> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      ...workerNeo4jEnv(),
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the server did not become ready:\n${output.join('')}`);
    }
    await sleep(200);
  }
  return { child, port, output, exited };
}

/** A new request: refused (no connection) or answered 503; returns what happened. */
async function newRequest(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return String(response.status);
  } catch (error) {
    return ((error as Error).cause as { code?: string } | undefined)?.code ?? 'fetch failed';
  }
}

const waitForOutput = async (started: Started, text: string) => {
  const deadline = Date.now() + 10_000;
  while (!started.output.join('').includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${started.output.join('')}`);
    await sleep(20);
  }
};

describe('SIGTERM', () => {
  it('finishes requests in flight, refuses new ones, and exits 0 in time', async () => {
    const shutdownTimeoutMs = 8_000;
    const started = await startMain({ SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
    const inFlight = postInTwoParts(started.port, '{ documents { slug } }');
    await inFlight.headersSent;
    await sleep(300); // The server has read the headers: the request is in flight.

    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    await waitForOutput(started, 'SIGTERM: shutting down');
    const refused = await newRequest(started.port);
    expect(['ECONNREFUSED', 'ECONNRESET', '503']).toContain(refused);

    await sleep(1_000);
    inFlight.finish();
    const { status, body } = await inFlight.response;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data.documents)).toBe(true);

    const exit = await started.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    const tookMs = exit.at - signalledAt;
    expect(tookMs).toBeGreaterThan(1_000); // It waited for the request in flight...
    expect(tookMs).toBeLessThan(shutdownTimeoutMs); // ...and no longer than needed.
    console.log(`SIGTERM: new request → ${refused}; in flight → 200; exit 0 after ${tookMs} ms`);
  }, 90_000);

  it('cuts off a request still in flight after SHUTDOWN_TIMEOUT_MS and exits 0', async () => {
    const shutdownTimeoutMs = 1_500;
    const started = await startMain({ SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
    const stuck = postInTwoParts(started.port, '{ __typename }');
    await stuck.headersSent;
    await sleep(300);

    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    const exit = await started.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    const tookMs = exit.at - signalledAt;
    expect(tookMs).toBeGreaterThanOrEqual(shutdownTimeoutMs - 100);
    expect(tookMs).toBeLessThan(shutdownTimeoutMs + 3_000);
    await expect(stuck.response).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(started.output.join('')).toContain('1 request(s) still in flight after 1500 ms');
  }, 90_000);
});
