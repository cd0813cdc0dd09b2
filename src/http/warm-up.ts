import { DEFAULT_QUERY } from '../default-query.ts';
import { GRAPHIQL_EXAMPLES } from '../graphiql-examples.ts';

/** What the warm-up sends requests to: the app's fetch, as yoga exposes it. */
export interface FetchApp {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

/** Operations like those clients send first: the GraphiQL default query and its examples. */
export const WARM_UP_OPERATIONS: readonly string[] = [
  DEFAULT_QUERY,
  ...GRAPHIQL_EXAMPLES.map((example) => example.query),
];

export interface WarmUpOptions {
  /** How long the warm-up may take; then the operations still running are stopped. */
  limitMs: number;
  /** Stops the warm-up early, e.g. when the server shuts down. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Runs each operation once through the app, all at once, so that the first clients after a start
 * find Neo4j's plans for their statements made, and the app's own caches (parsed documents, query
 * plans) and the JIT warm. Never rejects: an operation that fails is logged and skipped, and those
 * still running after `limitMs` are stopped. Resolves with how many were answered.
 */
export async function warmUp(
  app: FetchApp,
  operations: readonly string[],
  { limitMs, signal, log = () => {} }: WarmUpOptions,
): Promise<number> {
  if (limitMs === 0) return 0; // READY_WARM_UP_MS=0: no warm-up.
  const startedAt = Date.now();
  const budget = AbortSignal.any([AbortSignal.timeout(limitMs), ...(signal ? [signal] : [])]);
  const runOne = async (query: string): Promise<boolean> => {
    try {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query }),
        signal: budget,
      });
      // An answer with errors beside its data (an example shows one) still ran its statements.
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (response.ok && body.data) return true;
      throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
    } catch (error) {
      if (!budget.aborted) {
        const first = query.split('\n').find((line) => line && !line.startsWith('#')) ?? '';
        const why = error instanceof Error ? error.message : String(error);
        log(`warm-up operation ${first.trim().slice(0, 60)} failed: ${why}`);
      }
      return false;
    }
  };
  let answered = 0;
  const stopped = new Promise<void>((resolve) => {
    if (budget.aborted) resolve();
    budget.addEventListener('abort', () => resolve(), { once: true });
  });
  // The requests are aborted with the budget; this bound holds even if one ignores its signal.
  await Promise.race([
    Promise.all(
      operations.map(async (query) => {
        if (await runOne(query)) answered++;
      }),
    ),
    stopped,
  ]);
  log(
    `warmed up ${answered} of ${operations.length} operations in ${Date.now() - startedAt} ms ` +
      `(at most ${limitMs} ms)`,
  );
  return answered;
}
