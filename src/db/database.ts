import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError } from '../errors.ts';

export interface DatabaseOptions {
  database: string;
  timeoutMs: number;
}

/** Listens to every query sent, e.g. to count round trips per request. */
export type QueryListener = (cypher: string) => void;

/** The one gateway to Neo4j: reads in executeRead, writes in executeWrite, always with a timeout. */
export class Database {
  private readonly listeners = new Set<QueryListener>();

  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
  ) {}

  /** Runs one read query and returns its rows as plain objects. */
  async read<Row>(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.readTransaction((tx) => this.run<Row>(tx, cypher, params));
  }

  /** Runs read work in one managed transaction (retried by the driver on transient failures). */
  async readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (session) =>
      session.executeRead(work, { timeout: this.options.timeoutMs }),
    );
  }

  /** Runs write work in one managed transaction: all of it is committed, or none. */
  async writeTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = this.options.timeoutMs,
  ): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite(work, { timeout: timeoutMs }),
    );
  }

  /** Runs a query inside a transaction, notifying listeners. */
  async run<Row>(
    tx: ManagedTransaction,
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<Row[]> {
    for (const listener of this.listeners) listener(cypher);
    const result = await tx.run(cypher, params);
    return result.records.map((record) => record.toObject() as Row);
  }

  /** Adds a listener; returns the function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when a trivial query answers. */
  async isReady(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      throw mapNeo4jError(error, this.options.timeoutMs);
    } finally {
      await session.close();
    }
  }
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Turns driver failures users can act on into typed errors; leaves the rest as they are. */
export function mapNeo4jError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE.has(error.code) || error.code.startsWith('Neo.TransientError.General.Database')) {
    return new DatabaseUnavailableError();
  }
  if (error.code.includes('TransactionTimedOut') || error.code.includes('Transaction.Terminated')) {
    return new QueryTimeoutError(timeoutMs);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(error.message);
  }
  return error;
}
