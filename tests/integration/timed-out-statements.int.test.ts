import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError, RecentlyTimedOutError } from '../../src/errors.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// A statement that ran past its timeout twice in a row is not run again at once for the same
// client: Neo4j would spend the whole timeout on it again. Once may be a cold plan, which the next
// try finds cached. Other clients, and other statements, still run.

const SLOW_READ = 'UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n';
const TIMEOUT_MS = 500;

describe('statements that timed out', () => {
  let helper: TestHelper;

  beforeAll(() => {
    helper = new TestHelper({
      timeoutMs: TIMEOUT_MS,
      env: { NEO4J_TIMED_OUT_COOLDOWN_MS: '60000' },
    });
  });

  afterAll(async () => {
    await helper?.close();
  });

  it('are refused at once to the client that sent them, for the cool-down', async () => {
    const client = { client: '192.0.2.1' };
    for (let i = 0; i < 2; i++) {
      await expect(helper.db.read(SLOW_READ, {}, client)).rejects.toBeInstanceOf(QueryTimeoutError);
    }

    const started = Date.now();
    const again = await helper.db.read(SLOW_READ, {}, client).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(100);
    expect(again).toBeInstanceOf(RecentlyTimedOutError);
    expect((again as RecentlyTimedOutError).code).toBe('QUERY_RECENTLY_TIMED_OUT');
    expect((again as Error).message).toMatch(
      /^The same query took longer than the 500 ms limit moments ago; it is not run again for (59|60) s\./,
    );

    // Another statement of that client, and the same one of another client, run.
    expect(await helper.db.read('RETURN 1 AS one', {}, client)).toEqual([{ one: 1 }]);
    await expect(helper.db.read(SLOW_READ, {}, { client: '192.0.2.2' })).rejects.toBeInstanceOf(
      QueryTimeoutError,
    );
  });
});
