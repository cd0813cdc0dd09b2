import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestScope } from '../../src/db/database.ts';
import { RequestAbortedError } from '../../src/errors.ts';
import type { RunningServer } from '../../src/server.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { startTestServer } from '../helpers/test-server.ts';

// A client that hangs up stops the work it asked for: its request's signal closes the session of
// each Neo4j call in progress, which resets the connection, and Neo4j drops the transaction.

/** A read that runs for many seconds; its text is how SHOW TRANSACTIONS finds it. */
const SLOW_READ = 'UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n';

describe('work of clients that left', () => {
  let helper: TestHelper;

  beforeAll(() => {
    helper = new TestHelper({ timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await helper?.close();
  });

  /** How many transactions Neo4j is running with the slow read's text. */
  async function slowReadsRunning(): Promise<number> {
    const session = helper.db.driver.session();
    try {
      const result = await session.run(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n',
        { text: 'range(1, 300000000)' },
      );
      return result.records[0]?.get('n') as number;
    } finally {
      await session.close();
    }
  }

  async function waitUntilRunning() {
    for (let i = 0; i < 50 && (await slowReadsRunning()) === 0; i++) await sleep(100);
    expect(await slowReadsRunning()).toBe(1);
  }

  it('stops a read in Neo4j when its signal aborts, and fails it with REQUEST_ABORTED', async () => {
    const controller = new AbortController();
    const reading = helper.db
      .read(SLOW_READ, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await waitUntilRunning();
    const abortedAt = Date.now();
    controller.abort();
    expect(await reading).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    await sleep(500);
    expect(await slowReadsRunning()).toBe(0);
  });

  describe('over HTTP', () => {
    let server: RunningServer;

    beforeAll(async () => {
      // No start warm-up: its reads, run in the background, would become slow ones below too.
      server = await startTestServer({
        env: { NEO4J_TX_TIMEOUT_MS: '30000', READY_WARM_UP_MS: '0' },
      });
      // Every read of this server becomes the slow one, run with the signal it was given: what is
      // tested is that a request's reads get its connection's signal.
      const read = server.db.read.bind(server.db);
      server.db.read = <Row>(_cypher: string, _params?: object, scope?: RequestScope) =>
        read<Row>(SLOW_READ, {}, scope);
    });

    afterAll(async () => {
      await server?.close(1_000);
    });

    it('stops the Neo4j transactions of a request whose client hangs up', async () => {
      const body = JSON.stringify({ query: '{ documents { slug } }' });
      const req = request(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      });
      req.on('error', () => {});
      req.end(body);
      await waitUntilRunning();
      req.destroy();
      await sleep(700);
      expect(await slowReadsRunning()).toBe(0);
    });
  });
});
