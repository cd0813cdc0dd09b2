import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import type { LocalNeo4j } from '../../src/local-neo4j/launcher.ts';
import type { RunningServer } from '../../src/server.ts';

/** A Neo4j of a file's own (one it stops or kills), the server on it, and what both logged. */
export interface OwnNeo4j {
  /** A fresh temporary folder for the Neo4j's data, removed after the tests. */
  readonly dataDir: string;
  /** Every line logged through `log`, each with its time. */
  readonly logs: string[];
  readonly log: (line: string) => void;
  /** Set by the test when it starts them; stopped after the tests. */
  neo4j?: LocalNeo4j;
  server?: RunningServer;
}

/**
 * For the enclosing `describe`: a data folder for a Neo4j the tests start themselves, with
 * `console.error` muted (yoga logs every error a request ends with; under a fault that is hundreds,
 * and the tests check each reply instead). Afterwards the server is closed, the Neo4j stopped and
 * the folder removed; DEBUG_FAULTS=1 prints the log.
 */
export function useOwnNeo4j(name: string): OwnNeo4j {
  const logs: string[] = [];
  const own: { dataDir: string } & OwnNeo4j = {
    dataDir: '',
    logs,
    log: (line) => logs.push(`${new Date().toISOString()} ${line}`),
  };
  beforeAll(async () => {
    own.dataDir = await mkdtemp(join(tmpdir(), `relations-graph-${name}-`));
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.mocked(console.error).mockRestore();
    if (process.env.DEBUG_FAULTS) console.log(logs.join('\n'));
    await own.server?.close(1_000);
    await own.neo4j?.stop();
    await rm(own.dataDir, { recursive: true, force: true });
  });
  return own;
}
