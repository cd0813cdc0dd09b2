import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { Database, type QueryListener } from '../../src/db/database.ts';
import { createApp } from '../../src/yoga.ts';

/** The rows a stub store answers a statement with. */
export type StubRows = (cypher: string, params: Record<string, unknown>) => unknown[];

/** One statement the app sent to a stub store. */
export interface StubStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * Nothing runs statements on it: the stub's run() answers them without a transaction. Repositories
 * only ever pass the transaction back to run() (src/db holds no other `tx.run`).
 */
const NO_TRANSACTION = Object.freeze({}) as ManagedTransaction;

/**
 * A store with no database behind it, for tests of what the app does before or around its Cypher
 * (HTTP, yoga plugins, limits): it is a Database, so TypeScript holds it to the real interface, and
 * it answers every statement with `rows` (none by default) and records it in `statements`. A test
 * that claims to test the database path uses a real Neo4j instead (tests/README.md).
 */
export class StubStore extends Database {
  readonly statements: StubStatement[] = [];
  private readonly stubListeners = new Set<QueryListener>();

  constructor(private readonly rows: StubRows = () => []) {
    // A driver is created without connecting; nothing below calls it (ping and close are stubbed).
    super(neo4j.driver('bolt://127.0.0.1:1'), { database: 'neo4j', timeoutMs: 1_000 });
  }

  override async read<Row>(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.answer<Row>(cypher, params);
  }

  override async readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return work(NO_TRANSACTION);
  }

  override async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return work(NO_TRANSACTION);
  }

  override async run<Row>(
    _tx: ManagedTransaction,
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<Row[]> {
    return this.answer<Row>(cypher, params);
  }

  override onQuery(listener: QueryListener): () => void {
    this.stubListeners.add(listener);
    return () => this.stubListeners.delete(listener);
  }

  override async ping(): Promise<boolean> {
    return true;
  }

  override async close(): Promise<void> {
    await this.driver.close();
  }

  private answer<Row>(cypher: string, params: Record<string, unknown>): Row[] {
    this.statements.push({ cypher, params });
    for (const listener of this.stubListeners) listener(cypher, params);
    return this.rows(cypher, params) as Row[];
  }
}

/**
 * The app (`createApp(...).fetch`) on a stub store, with these settings on top of the test
 * defaults: for tests of yoga plugins and limits, no Neo4j needed.
 */
export function stubApp(env: Record<string, string> = {}, rows?: StubRows) {
  const store = new StubStore(rows);
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  return { db: store, config, app: createApp({ db: store, config }) };
}
