/** Errors a client can act on; anything else is masked by the server. */
export class AppError extends Error {
  /** graphql-js copies an original error's `extensions` onto the error it reports. */
  readonly extensions: { code: string };

  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
    this.extensions = { code };
  }
}

/** No entity with that id exists. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}

/** An argument is malformed or out of range. */
export class ValidationError extends AppError {
  constructor(message: string) {
    super(message, 'BAD_USER_INPUT');
  }
}

/** A write would break a uniqueness constraint. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

/** Neo4j cannot be reached right now; retrying later may work. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The database is unavailable right now; try again shortly.') {
    super(message, 'DATABASE_UNAVAILABLE');
  }
}

/** A database transaction took longer than its timeout. */
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(`The query took longer than the ${timeoutMs} ms limit and was stopped.`, 'QUERY_TIMEOUT');
  }
}

/** The same query ran past its timeout moments ago: it is not run again until its cool-down ends. */
export class RecentlyTimedOutError extends AppError {
  constructor(timeoutMs: number, seconds: number) {
    super(
      `The same query took longer than the ${timeoutMs} ms limit moments ago; it is not run ` +
        `again for ${seconds} s. Ask for less (fewer levels, smaller pages or limits).`,
      'QUERY_RECENTLY_TIMED_OUT',
    );
  }
}

/** The client closed its connection before the answer: what it asked for was stopped. */
export class RequestAbortedError extends AppError {
  constructor() {
    super('The client closed the connection; its queries were stopped.', 'REQUEST_ABORTED');
  }
}
