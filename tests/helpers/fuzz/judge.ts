/** Sending the fuzzer's requests, and judging the answers. */
import type { FuzzRequest, Outcome } from './requests.ts';

const REQUEST_TIMEOUT_MS = 30_000;
/** What yoga answers for an error it masks. */
export const MASKED = 'Unexpected error.';

export async function send(base: string, request: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return {
      request,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
      ms: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return {
      request,
      status: 0,
      contentType: '',
      text: '',
      ms: performance.now() - started,
      failure: `${(error as Error).message}${cause ? ` (${cause})` : ''}`,
    };
  }
}

export interface GraphQLErrorBody {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * The errors of a response body: a JSON body, or the JSON parts of an event stream (`data:` lines)
 * or of a multipart/mixed body (one JSON line per part); undefined when none is JSON.
 */
export function errorsOf(outcome: Outcome): GraphQLErrorBody[] | undefined {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const whole = parse(outcome.text);
  const payloads =
    whole === undefined
      ? outcome.text
          .split(/\r?\n/)
          .map((line) => line.replace(/^data:/, '').trim())
          .filter((line) => line.startsWith('{'))
          .map(parse)
      : [whole];
  let errors: GraphQLErrorBody[] | undefined;
  for (const payload of payloads) {
    const list = (payload as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(list)) errors = [...(errors ?? []), ...list];
  }
  return errors;
}

/**
 * Messages that leak the server's internals instead of saying what the request got wrong: the
 * schema builder's own errors, database errors, JavaScript errors.
 */
export const INTERNAL_MESSAGES = [
  /has not been implemented/,
  /does not support loading by id/,
  /Expected ref to resolve/,
  /Neo\.(Client|Transient|Database)Error|Neo4jError|Cypher/i,
  /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack/,
  /^(SyntaxError|TypeError|RangeError|ReferenceError)\b/,
];

export type ProblemKind =
  | 'no response'
  | '5xx'
  | 'masked'
  | 'internal'
  | 'no error in body'
  | 'no message'
  | 'uncoded'
  | 'not answered';

export interface Problem {
  kind: ProblemKind;
  /** The message (or status) that shows it, for grouping alike requests. */
  detail: string;
}

/** What is wrong with an answer, if anything: no answer, a 5xx, or an error that says nothing. */
export function problemOf(outcome: Outcome): Problem | undefined {
  if (outcome.status === 0) return { kind: 'no response', detail: outcome.failure ?? '' };
  const errors = errorsOf(outcome);
  const first = typeof errors?.[0]?.message === 'string' ? errors[0].message : '';
  if (outcome.status >= 500) return { kind: '5xx', detail: `${outcome.status} ${first}` };
  if (outcome.status >= 400 && (errors === undefined || errors.length === 0)) {
    return { kind: 'no error in body', detail: `${outcome.status} ${clip(outcome.text, 60)}` };
  }
  for (const error of errors ?? []) {
    const message = typeof error.message === 'string' ? error.message.trim() : '';
    if (message.length === 0) return { kind: 'no message', detail: JSON.stringify(error) };
    if (message === MASKED) return { kind: 'masked', detail: message };
    if (INTERNAL_MESSAGES.some((pattern) => pattern.test(message))) {
      return { kind: 'internal', detail: message };
    }
  }
  return undefined;
}

/** The problems of `problemOf` of the given kinds. */
export const problemIn =
  (kinds: readonly ProblemKind[]) =>
  (outcome: Outcome): Problem | undefined => {
    const problem = problemOf(outcome);
    return problem && kinds.includes(problem.kind) ? problem : undefined;
  };

/** An error whose `extensions.code` is not one of `codes`. */
export const uncodedIn =
  (codes: ReadonlySet<string>) =>
  (outcome: Outcome): Problem | undefined => {
    const error = errorsOf(outcome)?.find((e) => !codes.has(String(e.extensions?.code)));
    return error && { kind: 'uncoded', detail: `${error.extensions?.code} ${error.message}` };
  };

export function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

export function describeOutcome(outcome: Outcome): string {
  const { request } = outcome;
  return [
    `  #${request.index} [${request.category}] ${request.method} ${clip(request.path, 300)} ${JSON.stringify(request.headers)}`,
    request.body === undefined ? '' : `  body: ${clip(JSON.stringify(request.body))}`,
    `  → ${outcome.status} ${outcome.contentType} ${clip(outcome.text)}`,
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * The requests with a problem of the given kinds, grouped by kind, status and message (with quoted
 * values and numbers blanked), each group shown by its first request.
 */
export function offenders(
  outcomes: readonly Outcome[],
  judge: (outcome: Outcome) => Problem | undefined,
  seed: number,
) {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const problem = judge(outcome);
    if (!problem) continue;
    const detail = problem.detail.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    const key = `${problem.kind}, status ${outcome.status}: ${clip(detail, 160)}`;
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  const count = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  const lines = [...groups.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .slice(0, 12)
    .map(([key, list]) => `${list.length}× ${key}\n${describeOutcome(list[0] as Outcome)}`);
  return {
    count,
    report: `${count} requests in ${groups.size} groups (seed ${seed}); the first of each group:\n\n${lines.join('\n\n')}`,
  };
}

export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
