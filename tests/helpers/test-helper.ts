import type { ExecutionResult } from 'graphql';
import { expect, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { applySchema } from '../../src/db/schema-setup.ts';
import { importFile, sourceFilesIn } from '../../src/db/seed.ts';
import { createApp } from '../../src/yoga.ts';

/** One integration test file's access to the shared test Neo4j and to the app over HTTP. */
export class TestHelper {
  readonly db: Database;
  readonly app: ReturnType<typeof createApp>;

  constructor(options: { timeoutMs?: number; env?: Record<string, string> } = {}) {
    const { uri, username, password } = inject('neo4j');
    const config = loadConfig({
      NODE_ENV: 'test',
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: process.env.NEO4J_DATABASE,
      ...options.env,
    });
    this.db = connectDatabase(config, uri, {
      maxPoolSize: 10,
      timeoutMs: options.timeoutMs ?? 10_000,
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

  /** Empties the database and loads every seed source file. */
  async seed(dir = 'data'): Promise<void> {
    await this.reset();
    for (const file of await sourceFilesIn(dir)) await importFile(this.db, file);
  }

  /** Node and relationship counts, to show that something changed nothing. */
  async counts(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.db.read<{ nodes: number; relationships: number }>(
      `CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN nodes, relationships`,
    );
    return row ?? { nodes: 0, relationships: 0 };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
