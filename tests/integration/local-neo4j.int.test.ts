import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/local-neo4j/launcher.ts';
import { resolveClasspath } from '../../src/local-neo4j/maven.ts';

// The first start may download Neo4j's jars with Maven.
const FIRST_START_MS = 15 * 60_000;
const START_MS = 3 * 60_000;

async function query(uri: string, cypher: string): Promise<Record<string, unknown>[]> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Reads and never answers; resume() lets the server see clients leave, so close() can finish.
    const server = createServer((socket) => socket.resume());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function javaProcessesFor(dataDir: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'args']);
  return stdout.split('\n').filter((line) => line.includes('java') && line.includes(dataDir));
}

describe('local Neo4j launcher', () => {
  let dataDir: string;
  let port: number;
  let running: LocalNeo4j | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-neo4j-test-'));
    port = await findFreePort();
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on the given port and accepts writes', { timeout: FIRST_START_MS }, async () => {
    running = await startLocalNeo4j({ dataDir, port });
    expect(running).toMatchObject({ uri: `bolt://127.0.0.1:${port}`, reused: false });
    await query(running.uri, 'CREATE (n:Probe {v: 1})');
  });

  it('reuses a Neo4j already answering on the port', async () => {
    const again = await startLocalNeo4j({ dataDir, port });
    expect(again.reused).toBe(true);
    await again.stop();
    const rows = await query(`bolt://127.0.0.1:${port}`, 'MATCH (n:Probe) RETURN count(n) AS c');
    expect(Number(rows[0]?.c)).toBe(1);
  });

  it('creates and queries a full-text index', async () => {
    const uri = `bolt://127.0.0.1:${port}`;
    await query(uri, 'CREATE FULLTEXT INDEX probe_name FOR (n:Probe) ON EACH [n.name]');
    await query(uri, "CREATE (:Probe {v: 2, name: 'Treaty of Westphalia'})");
    await query(uri, 'CALL db.awaitIndexes(60)');
    await query(uri, 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
    const rows = await query(
      uri,
      "CALL db.index.fulltext.queryNodes('probe_name', 'westphalia') YIELD node RETURN node.v AS v",
    );
    expect(rows.map((row) => Number(row.v))).toEqual([2]);
  });

  it('stops: the port is released and the JVM is gone', { timeout: START_MS }, async () => {
    await running?.stop();
    running = undefined;
    expect(await javaProcessesFor(dataDir)).toEqual([]);
    await close(await listen(port));
  });

  it('restarts on the same data folder with the data intact', { timeout: START_MS }, async () => {
    running = await startLocalNeo4j({ dataDir, port });
    expect(running.reused).toBe(false);
    const rows = await query(running.uri, 'MATCH (n:Probe {v: 1}) RETURN n.v AS v');
    expect(rows.map((row) => Number(row.v))).toEqual([1]);
  });

  it('resolves its classpath once for starts made at the same time', async () => {
    // Two resolutions at once, with no cache yet, ran Maven twice into one folder and failed.
    const first = resolveClasspath();
    expect(resolveClasspath()).toBe(first);
    expect(await first).toContain('neo4j-kernel');
  });

  it('refuses a port held by a program that is not Neo4j', async () => {
    const heldPort = await findFreePort();
    const server = await listen(heldPort);
    try {
      await expect(startLocalNeo4j({ dataDir, port: heldPort })).rejects.toThrow(
        `port ${heldPort} on 127.0.0.1 is in use by another program; set NEO4J_LOCAL_PORT or NEO4J_URI`,
      );
    } finally {
      await close(server);
    }
  });
});
