import { setMaxListeners } from 'node:events';
import { LRUCache } from 'lru-cache';
import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type Session,
} from 'neo4j-driver';
import {
  AppError,
  ConflictError,
  DatabaseUnavailableError,
  QueryTimeoutError,
  RecentlyTimedOutError,
  RequestAbortedError,
} from '../errors.ts';

export interface DatabaseOptions {
  database: string;
  timeoutMs: number;
  /** Where Neo4j is, as the log names it. */
  uri?: string;
  /** Told when Neo4j is lost and when it answers again. */
  log?: (line: string) => void;
  /** How long a statement that ran past its timeout is refused at once to the client that sent it. */
  timedOutCooldownMs?: number;
  /** How long warming up after Neo4j returns may hold readiness back (see warmUp). */
  warmUpMs?: number;
}

/** Whose request a call serves: it stops when `signal` aborts; `client` scopes its cool-downs. */
export interface RequestScope {
  signal?: AbortSignal;
  client?: string;
}

/**
 * What repositories read through: the Database itself, or its view for one request (`forRequest`),
 * whose calls stop when the request's client goes away.
 */
export type Reads = Pick<Database, 'read' | 'readTransaction' | 'run'>;

/** Listens to every query sent, e.g. to count round trips per request. */
export type QueryListener = (cypher: string, params: Record<string, unknown>) => void;

/**
 * How long a call may run past its transaction timeout before the client stops waiting. Neo4j
 * enforces the timeout itself, checking every 2 s; this bound also covers a server that no longer
 * answers at all, and the driver's retries while Neo4j is away.
 */
export const DEADLINE_GRACE_MS = 2_000;
/** How long a reachability probe (`RETURN 1`, no retries) may take. */
export const PROBE_TIMEOUT_MS = 1_000;
/** While Neo4j is known to be away, calls fail at once and at most one probe runs per interval. */
const PROBE_INTERVAL_MS = 500;
/**
 * What /ready runs: a read through the store, as requests make. `RETURN 1` is answered by a
 * restarted Neo4j well before it can serve reads in time.
 */
const READINESS_READ = 'MATCH (n) RETURN n LIMIT 1';
/** How many distinct reads are remembered, to be run again when Neo4j is back (see warmUp). */
const RECENT_READS = 100;
/** How many recent reads run at once while warming up: Neo4j plans them in parallel. */
const WARM_UP_CONCURRENCY = 4;
/** How many statements that timed out are remembered (per client and text), for their cool-down. */
const TIMED_OUT_STATEMENTS = 1000;
/**
 * Timeouts in a row of one statement of one client that start its cool-down. One alone may be a
 * cold plan (a restarted Neo4j plans every statement anew), which the next try finds cached.
 */
const TIMEOUTS_TO_COOL_DOWN = 2;

const LATE = Symbol('late');

type Probe = 'up' | 'down' | 'slow';

/** Waits for `promise`, but no longer than `ms`: then resolves with LATE. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(resolve, ms, LATE);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const ignore = () => {};

/**
 * Runs `start` with stack traces off. The driver captures a stack trace for every result (to
 * append to a server error); with source maps on, formatting it costs a large share of a short
 * query's CPU. Failures are mapped to typed errors here anyway (mapNeo4jError).
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const rowsOf = <Row>(result: QueryResult) =>
  result.records.map((record) => record.toObject() as Row);

/**
 * Runs one read statement as an auto-commit query. A single statement needs no explicit
 * transaction, and this saves the BEGIN and COMMIT of a managed one (a round trip, and Neo4j's
 * work for them). The driver does not retry auto-commit queries: a transient failure (a pooled
 * connection a restarted Neo4j closed, a cluster member leaving) is tried once more here.
 */
async function autoCommit<Row>(
  session: Session,
  cypher: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<Row[]> {
  const run = () => withoutStackCapture(() => session.run(cypher, params, { timeout: timeoutMs }));
  try {
    return rowsOf<Row>(await run());
  } catch (error) {
    if (!isRetryableError(error)) throw error;
    return rowsOf<Row>(await run());
  }
}

/**
 * The one gateway to Neo4j: one read statement as an auto-commit query, read work of several
 * statements in executeRead, writes in executeWrite, always with a timeout.
 *
 * Every call ends within its timeout plus DEADLINE_GRACE_MS (and at most two probes): with rows, or
 * with a QueryTimeoutError or a DatabaseUnavailableError. Once a call finds Neo4j unreachable, later
 * calls fail at once with DatabaseUnavailableError until a probe finds it back.
 */
export class Database {
  private readonly listeners = new Set<QueryListener>();
  /** Neo4j was found unreachable and has not answered since. */
  private away = false;
  private awaySince = 0;
  private checkingReadiness: Promise<boolean> | undefined;
  /** The latest distinct read queries, by text, with the parameters they last ran with. */
  private readonly recentReads = new Map<string, Record<string, unknown>>();
  /** False from a loss of Neo4j until the recent reads have run again after its return. */
  private warm = true;
  private warming: Promise<void> | undefined;
  private lastProbeAt = 0;
  private probing: Promise<Probe> | undefined;
  private prepared = true;
  private closed = false;
  /**
   * Statements that ran past their timeout lately, by client and text, with how many times in a
   * row: from TIMEOUTS_TO_COOL_DOWN on, the same text from the same client is refused at once until
   * its cool-down ends (then it may run, and time out, again). Forgotten when Neo4j returns.
   */
  private readonly timedOut: LRUCache<string, number>;

  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
  ) {
    this.timedOut = new LRUCache({
      max: TIMED_OUT_STATEMENTS,
      // Keys hold statement texts, some of many kilobytes: bounded by their length too.
      maxSize: TIMED_OUT_STATEMENTS * 2_000,
      sizeCalculation: (_value, key) => Math.max(1, key.length),
      ttl: options.timedOutCooldownMs ?? 10_000,
    });
  }

  /**
   * The reads of one request: when its signal aborts (its client hung up), the session of each
   * call in progress is closed, which resets its connection and so stops the query in Neo4j.
   */
  forRequest(scope: RequestScope): Reads {
    // Each call in progress listens to the signal until it ends; one operation runs many at once.
    if (scope.signal) setMaxListeners(0, scope.signal);
    return {
      read: (cypher, params) => this.read(cypher, params, scope),
      readTransaction: (work) => this.readTransaction(work, scope.signal),
      run: (tx, cypher, params) => this.run(tx, cypher, params),
    };
  }

  /**
   * Runs one read query and returns its rows as plain objects. A statement that ran past its
   * timeout for this client twice in a row, the last time less than the cool-down ago, fails at
   * once (RecentlyTimedOutError).
   */
  async read<Row>(
    cypher: string,
    params: Record<string, unknown> = {},
    scope: RequestScope = {},
  ): Promise<Row[]> {
    const key = `${scope.client ?? ''}\n${cypher}`;
    if (this.timedOut.size > 0 && (this.timedOut.get(key) ?? 0) >= TIMEOUTS_TO_COOL_DOWN) {
      const seconds = Math.max(1, Math.round(this.timedOut.getRemainingTTL(key) / 1000));
      throw new RecentlyTimedOutError(this.options.timeoutMs, seconds);
    }
    this.recentReads.delete(cypher);
    this.recentReads.set(cypher, params);
    if (this.recentReads.size > RECENT_READS) {
      this.recentReads.delete(this.recentReads.keys().next().value as string);
    }
    for (const listener of this.listeners) listener(cypher, params);
    const timeoutMs = this.options.timeoutMs;
    try {
      const rows = await this.withSession(
        'READ',
        timeoutMs,
        (session) => autoCommit<Row>(session, cypher, params, timeoutMs),
        scope.signal,
      );
      if (this.timedOut.size > 0) this.timedOut.delete(key);
      return rows;
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        this.timedOut.set(key, (this.timedOut.get(key) ?? 0) + 1);
      }
      throw error;
    }
  }

  /** Runs read work in one managed transaction (retried by the driver on transient failures). */
  async readTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const timeoutMs = this.options.timeoutMs;
    return this.withSession(
      'READ',
      timeoutMs,
      (session) => session.executeRead(work, { timeout: timeoutMs }),
      signal,
    );
  }

  /** Runs write work in one managed transaction: all of it is committed, or none. */
  async writeTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = this.options.timeoutMs,
  ): Promise<T> {
    return this.withSession('WRITE', timeoutMs, (session) =>
      session.executeWrite(work, { timeout: timeoutMs }),
    );
  }

  /** Runs a query inside a transaction, notifying listeners. */
  async run<Row>(
    tx: ManagedTransaction,
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<Row[]> {
    for (const listener of this.listeners) listener(cypher, params);
    return rowsOf<Row>(await withoutStackCapture(() => tx.run(cypher, params)));
  }

  /** Adds a listener; returns the function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes isReady() answer false until `prepared` resolves, e.g. while the schema is applied and
   * the graph seeded in the background.
   */
  holdReadinessUntil(prepared: Promise<unknown>): void {
    this.prepared = false;
    prepared.then(() => {
      this.prepared = true;
    }, ignore);
  }

  /**
   * True when the graph is prepared, Neo4j answers a read within PROBE_TIMEOUT_MS and, if it was
   * lost, the recent reads have run again since it returned.
   */
  async isReady(): Promise<boolean> {
    if (!this.prepared || this.closed || !this.warm) return false;
    this.checkingReadiness ??= within(this.read(READINESS_READ), PROBE_TIMEOUT_MS)
      .then(
        (rows) => rows !== LATE,
        () => false,
      )
      .finally(() => {
        this.checkingReadiness = undefined;
      });
    return this.checkingReadiness;
  }

  /** True when Neo4j answers `RETURN 1` within `timeoutMs`; one try, no retries. */
  async ping(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
    return !this.closed && (await this.probe(timeoutMs)) === 'up';
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close();
  }

  /**
   * Runs `RETURN 1` as an auto-commit query (which the driver does not retry) and waits for it up
   * to `waitMs`: `up` when it answered, `down` when Neo4j could not be reached, `slow` otherwise.
   * Its answer, even a late one, tells later calls whether Neo4j is away. A cold JVM may take
   * seconds for its first query, so Neo4j itself gives the query the usual timeout.
   */
  private async probe(waitMs: number): Promise<Probe> {
    this.lastProbeAt = Date.now();
    const session = this.session('READ');
    const timeout = Math.max(waitMs, this.options.timeoutMs);
    const answered = session.run('RETURN 1', {}, { timeout }).then(
      (): Probe => 'up',
      (error: unknown): Probe => (isConnectionFailure(error) ? 'down' : 'slow'),
    );
    void answered.then((state) => {
      if (state !== 'slow') this.setAway(state === 'down');
      return session.close().catch(ignore);
    });
    const state = await within(answered, waitMs);
    return state === LATE ? 'slow' : state;
  }

  /** Records whether Neo4j is reachable, logging each change. */
  private setAway(away: boolean, cause?: unknown): void {
    if (away === this.away || this.closed) return;
    this.away = away;
    const where = `Neo4j at ${this.options.uri ?? 'its URI'}`;
    if (away) {
      this.warm = false;
      this.awaySince = Date.now();
      const why = cause instanceof Error ? ` (${cause.message.split('\n')[0]})` : '';
      this.options.log?.(`${where} cannot be reached${why}; queries answer DATABASE_UNAVAILABLE`);
    } else {
      const seconds = ((Date.now() - this.awaySince) / 1000).toFixed(1);
      this.options.log?.(`${where} answers again, after ${seconds} s away`);
      this.timedOut.clear(); // A Neo4j back from away plans anew: past timeouts say nothing.
      this.warming ??= this.warmUp().finally(() => {
        this.warming = undefined;
      });
    }
  }

  /**
   * A Neo4j that restarted has lost its query plans and caches: planning each query again on a cold
   * JVM takes seconds, and requests would time out while /ready said 200. So readiness waits while
   * the reads the server ran lately run once again, several at a time, but no longer than
   * `warmUpMs` (10 s by default): then the reads still running are stopped and /ready says 200.
   * Requests are served all along.
   */
  private async warmUp(): Promise<void> {
    const startedAt = Date.now();
    const limitMs = this.options.warmUpMs ?? 10_000;
    const reads = [...this.recentReads];
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), limitMs);
    let next = 0;
    let ran = 0;
    const worker = async () => {
      // Lost again, or out of time: the next return warms up anew.
      while (next < reads.length && !budget.signal.aborted && !this.away && !this.closed) {
        const [cypher, params] = reads[next++] as [string, Record<string, unknown>];
        await this.readTransaction((tx) => this.run(tx, cypher, params), budget.signal).then(
          () => ran++,
          ignore,
        );
      }
    };
    try {
      await Promise.all(Array.from({ length: WARM_UP_CONCURRENCY }, worker));
    } finally {
      clearTimeout(timer);
    }
    if (this.away || this.closed) return;
    // Statements that timed out while the JVM was cold are planned now: /ready says every read is
    // answered again, so none stays refused for a cool-down earned before.
    this.timedOut.clear();
    this.warm = true;
    this.options.log?.(
      `ran ${ran} of the ${reads.length} latest distinct reads again in ${Date.now() - startedAt} ms ` +
        `(at most ${limitMs} ms); ready`,
    );
  }

  /** One probe at a time for callers that only need the current state. */
  private sharedProbe(): Promise<Probe> {
    this.probing ??= this.probe(PROBE_TIMEOUT_MS).finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  /** False when Neo4j is known to be away and no probe (run now, if due) finds it back. */
  private async reachable(): Promise<boolean> {
    if (this.closed) return false;
    if (!this.away) return true;
    if (!this.probing && Date.now() - this.lastProbeAt < PROBE_INTERVAL_MS) return false;
    return (await this.sharedProbe()) === 'up';
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    timeoutMs: number,
    work: (session: Session) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) throw new RequestAbortedError();
    if (!(await this.reachable())) throw new DatabaseUnavailableError();
    if (signal?.aborted) throw new RequestAbortedError();
    const session = this.session(mode);
    const running = work(session);
    running.catch(ignore); // Past the deadline nobody awaits it any more.
    // The client left: closing the session resets its connection, which stops the query in Neo4j.
    let stop: () => void = ignore;
    const abandoned = new Promise<never>((_, reject) => {
      stop = () => {
        session.close().catch(ignore);
        reject(new RequestAbortedError());
      };
    });
    abandoned.catch(ignore);
    signal?.addEventListener('abort', stop, { once: true });
    let late = false;
    try {
      const outcome = await within(
        signal ? Promise.race([running, abandoned]) : running,
        timeoutMs + DEADLINE_GRACE_MS,
      );
      if (outcome !== LATE) {
        this.setAway(false);
        return outcome;
      }
      late = true;
    } catch (error) {
      // Whatever the driver says about a session closed under it, Neo4j is not to blame.
      if (signal?.aborted) throw new RequestAbortedError();
      const mapped = mapNeo4jError(error, timeoutMs);
      if (mapped instanceof DatabaseUnavailableError) this.setAway(true, error);
      throw mapped;
    } finally {
      signal?.removeEventListener('abort', stop);
      // Closing cancels the driver's pending retries and resets the connection, which stops the
      // query on the server; past the deadline it is not awaited, as the server may not answer.
      if (late) session.close().catch(ignore);
      else await session.close();
    }
    // Past the deadline: either Neo4j cannot be reached (the driver was retrying) or it is slow.
    throw (await this.probe(PROBE_TIMEOUT_MS)) === 'down'
      ? new DatabaseUnavailableError()
      : new QueryTimeoutError(timeoutMs);
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/** Neo4j codes (prefixes) meaning the database cannot serve right now. */
const UNAVAILABLE_PREFIXES = [
  'Neo.TransientError.General.Database',
  'Neo.TransientError.Database.DatabaseUnavailable',
  'Neo.TransientError.Cluster.',
  'Neo.TransientError.Request.NoThreadsAvailable',
  'Neo.TransientError.Transaction.MaximumTransactionLimitReached',
];
/** Node's codes for sockets and name lookups that failed. */
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_SOCKET_CLOSED',
]);
/** The driver's own connection failures, which carry no server code (`N/A`). */
const CONNECTION_MESSAGE =
  /Failed to connect to server|Failed to establish connection|Connection lost|Connection was closed by server|Connection acquisition timed out|Pool is closed|No routing servers available|Could not perform discovery/i;

/** True for failures to reach Neo4j at all, whichever layer reports them. */
function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code) || NETWORK_ERRNOS.has(code)) return true;
    if (UNAVAILABLE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  if (CONNECTION_MESSAGE.test(error.message)) return true;
  return isConnectionFailure(error.cause, depth + 1);
}

/** Turns driver failures users can act on into typed errors; leaves the rest as they are. */
export function mapNeo4jError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (
      error.code.includes('TransactionTimedOut') ||
      error.code.includes('Transaction.Terminated')
    ) {
      return new QueryTimeoutError(timeoutMs);
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError(error.message);
    }
  }
  if (isConnectionFailure(error)) return new DatabaseUnavailableError();
  return error;
}
