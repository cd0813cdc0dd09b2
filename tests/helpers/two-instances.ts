import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { importFile } from '../../src/db/seed.ts';
import type { RunningServer } from '../../src/server.ts';
import { TestHelper } from './test-helper.ts';
import { startTestServer } from './test-server.ts';

export const FIXTURES = join(import.meta.dirname, '../fixtures');

/** Two servers on the worker's Neo4j, as behind a load balancer, over the `mini.yaml` graph. */
export interface TwoInstances {
  helper: TestHelper;
  readonly a: RunningServer;
  readonly b: RunningServer;
}

/** Two instances for the enclosing `describe`, started with `env` before its tests. */
export function useTwoInstances(env: Record<string, string>): TwoInstances {
  const helper = new TestHelper();
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  beforeAll(async () => {
    await helper.reset();
    await importFile(helper.db, join(FIXTURES, 'mini.yaml'));
    a = await startTestServer({ graph: 'as-is', env });
    b = await startTestServer({ graph: 'as-is', env });
  }, 120_000);
  afterAll(async () => {
    await a?.close(1_000);
    await b?.close(1_000);
    await helper.close();
  });
  return {
    helper,
    get a() {
      if (!a) throw new Error('the instances start before the tests');
      return a;
    },
    get b() {
      if (!b) throw new Error('the instances start before the tests');
      return b;
    },
  };
}

/** A POST to a server's /graphql from the client address `client` (with TRUST_PROXY=true). */
export function postAs(server: RunningServer, client: string, query: string, variables = {}) {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query, variables }),
  });
}
