import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { workerNeo4j } from '../helpers/worker-neo4j.ts';

// After Neo4j comes back, readiness waits while the recent reads are planned again, but in
// bounded time (READY_WARM_UP_MS), several at a time: here the reads would take 10 s one by one.
// Neo4j "goes away" by a TCP proxy in front of it being cut, and "comes back" when it listens again.

const WARM_UP_MS = 1_500;
const READS = 8;
/** A read of about a second, made distinct by its comment. */
const slowRead = (i: number) =>
  `UNWIND range(1, 15000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n // warm-up ${i}`;

/** A TCP proxy to Neo4j that can be cut (connections reset, port refusing) and restored. */
async function proxy(target: URL) {
  const port = await findFreePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const down = async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  };
  await up();
  return { uri: `bolt://127.0.0.1:${port}`, up, down };
}

describe('readiness after Neo4j returns', () => {
  let db: Database;
  let link: Awaited<ReturnType<typeof proxy>>;

  beforeAll(async () => {
    const { uri, username, password } = workerNeo4j();
    link = await proxy(new URL(uri.replace(/^\w+:/, 'http:')));
    const config = loadConfig({
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: process.env.NEO4J_DATABASE,
      READY_WARM_UP_MS: String(WARM_UP_MS),
    });
    db = connectDatabase(config, link.uri, { timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await db?.close();
    await link?.down();
  });

  it('comes within READY_WARM_UP_MS of its return, however many recent reads there are', async () => {
    for (let i = 0; i < READS; i += 4) {
      await Promise.all([0, 1, 2, 3].map((j) => db.read(slowRead(i + j))));
    }
    expect(await db.isReady()).toBe(true);

    await link.down();
    await expect(db.read('RETURN 1')).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(await db.isReady()).toBe(false);

    await link.up();
    while (!(await db.ping())) await sleep(100);
    const backAt = Date.now();
    while (!(await db.isReady())) {
      expect(Date.now() - backAt).toBeLessThan(WARM_UP_MS + 3_000);
      await sleep(100);
    }
    expect(Date.now() - backAt).toBeGreaterThan(300); // It did warm up.
  });
});
