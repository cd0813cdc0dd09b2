import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { WARM_UP_OPERATIONS, warmUp } from '../../src/http/warm-up.ts';
import { cachedPlanCount } from '../../src/planner/plan-cache.ts';
import type { RunningServer } from '../../src/server.ts';
import { createApp } from '../../src/yoga.ts';
import { startTestServer } from '../helpers/test-server.ts';

// A fresh server has no plans made, in Neo4j or in its own planner: before /ready first says 200
// it runs the GraphiQL default query and examples once through the app, within READY_WARM_UP_MS.
describe('warm-up on start', () => {
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('says ready only once the warm-up operations have run through the app', async () => {
    const lines: string[] = [];
    const plansBefore = cachedPlanCount();
    server = await startTestServer({ log: (line) => lines.push(line) });
    const ready = server.url.replace(/\/graphql$/, '/ready');
    const deadline = Date.now() + 30_000;
    while ((await fetch(ready)).status !== 200 && Date.now() < deadline) await sleep(20);

    // Seen at the first 200: the operations planned by the app's own planner (at least one plan
    // each), their statements run in Neo4j, and every one answered.
    expect(cachedPlanCount() - plansBefore).toBeGreaterThanOrEqual(WARM_UP_OPERATIONS.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^warmed up ${WARM_UP_OPERATIONS.length} of ${WARM_UP_OPERATIONS.length} `),
      ),
    );
  });

  it('logs an operation that fails and goes on with the others', async () => {
    server = await startTestServer({ graph: 'as-is' });
    const app = createApp({ db: server.db, config: loadConfig({}) });
    const lines: string[] = [];
    const answered = await warmUp(
      app,
      ['{ entity(id: "russia") { noSuchField } }', '{ __typename }'],
      {
        limitMs: 10_000,
        log: (line) => lines.push(line),
      },
    );
    expect(answered).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/failed: Cannot query field "noSuchField"/));
    expect(lines).toContainEqual(expect.stringMatching(/^warmed up 1 of 2 operations/));
  });
});
