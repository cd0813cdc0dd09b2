import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { applySchema } from '../../src/db/schema-setup.ts';
import { importFile, sourceFilesIn } from '../../src/db/seed.ts';
import { createApp } from '../../src/yoga.ts';
import { graphFingerprint, KNOWLEDGE_NODE } from './graph-fingerprint.ts';
import { workerNeo4j } from './worker-neo4j.ts';

const byPath = (a: Dirent, b: Dirent) =>
  join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name));

/** One integration test file's access to the shared test Neo4j and to the app over HTTP. */
export class TestHelper {
  readonly db: Database;
  readonly app: ReturnType<typeof createApp>;
  /** Where the fingerprint of the graph the last seed left is kept, for this Neo4j and database. */
  private readonly seedMark: string;

  constructor(options: { timeoutMs?: number; env?: Record<string, string> } = {}) {
    const { uri, username, password } = workerNeo4j();
    const config = loadConfig({
      NODE_ENV: 'test',
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: process.env.NEO4J_DATABASE,
      ...options.env,
    });
    this.seedMark = join(
      tmpdir(),
      `relations-graph-seed-${createHash('sha256').update(`${uri}|${config.NEO4J_DATABASE}`).digest('hex').slice(0, 16)}.json`,
    );
    this.db = connectDatabase(config, uri, {
      maxPoolSize: 10,
      // Generous: a cold Neo4j on a loaded machine may plan a deep query for over 10 s; the tests
      // about timeouts set their own.
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    this.app = createApp({ db: this.db, config });
  }

  /** Runs Cypher in a write transaction and returns the rows. */
  async executeCypher<Row = Record<string, unknown>>(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<Row[]> {
    return this.db.writeTransaction((tx) => this.db.run<Row>(tx, cypher, params));
  }

  /** POSTs a GraphQL operation to /graphql, as a client would. */
  async executeGraphQL<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<ExecutionResult<Data> & { status: number }> {
    const response = await this.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as ExecutionResult<Data>) };
  }

  /** Runs a GraphQL operation that must succeed, and returns its data. */
  async ask<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const result = await this.executeGraphQL<Data>(query, variables);
    expect(result.errors, query).toBeUndefined();
    return result.data as Data;
  }

  /** Empties the database and applies the schema. */
  async reset(): Promise<void> {
    await this.executeCypher('MATCH (n) DETACH DELETE n');
    await applySchema(this.db);
  }

  /**
   * Empties the database and loads every seed source file, unless it holds exactly what the last
   * seed of the same files left: then files that only read share one seed. Any change to the
   * graph (a node, a relationship, a property, an index) changes its fingerprint, and a changed
   * file changes the sources' hash, so a graph a test wrote to is seeded again.
   */
  async seed(dir = 'data'): Promise<void> {
    const files = await sourceFilesIn(dir);
    // Every file of the folder: the source files and the documents' texts they quote.
    const sources = createHash('sha256');
    const all = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of all.filter((e) => e.isFile()).sort(byPath)) {
      const path = join(entry.parentPath, entry.name);
      sources.update(path).update(await readFile(path));
    }
    const wanted = sources.digest('hex');
    const mark = await readFile(this.seedMark, 'utf8').catch(() => null);
    if (mark !== null) {
      const last = JSON.parse(mark) as { sources: string; graph: unknown };
      if (
        last.sources === wanted &&
        JSON.stringify(await graphFingerprint(this.db)) === JSON.stringify(last.graph)
      )
        return;
    }
    await this.reset();
    for (const file of files) await importFile(this.db, file);
    const graph = await graphFingerprint(this.db);
    await writeFile(this.seedMark, JSON.stringify({ sources: wanted, graph }));
  }

  /** Node and relationship counts (the revision log and keys aside), to show that something changed nothing. */
  async counts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.db.read<{ nodes: number; relationships: number }>(
      `CALL () { MATCH (n) WHERE ${KNOWLEDGE_NODE} RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN nodes, relationships`,
    );
    return row ?? { nodes: 0, relationships: 0 };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/**
 * A TestHelper over the seed graph for the enclosing `describe` (or file): seeded before its
 * tests, closed after them.
 */
export function useSeededGraph(options?: ConstructorParameters<typeof TestHelper>[0]): TestHelper {
  const helper = new TestHelper(options);
  beforeAll(async () => {
    await helper.seed();
  });
  afterAll(async () => {
    await helper.close();
  });
  return helper;
}
