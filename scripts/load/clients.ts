/**
 * The clients of the mixed soak, each from its own loopback address (127.0.0.x), so that the
 * server tells them apart as it tells remote addresses apart: honest ones sending the front end's
 * mix, a heavy one keeping 16 costly neighbourhoods in flight, an aborting one hanging up 50 ms into
 * each request, and one sending documents of shapes never seen before.
 */
import { Agent, request } from 'node:http';
import type { MixRequest } from './queries.ts';

/** What one client saw over an interval, or the whole run. */
export interface Tally {
  latencies: number[];
  /** Answers by status, and GraphQL error codes (`429 COST_BUDGET_EXCEEDED`, `200 QUERY_TIMEOUT`). */
  outcomes: Map<string, number>;
}

export const newTally = (): Tally => ({ latencies: [], outcomes: new Map() });

export interface Client {
  name: string;
  address: string;
  /** Counts since the last `take()`, and over the whole run. */
  take(): Tally;
  total: Tally;
  /** Runs until `signal` aborts, then resolves once its requests in flight are over. */
  run(signal: AbortSignal): Promise<void>;
}

interface Answer {
  status: number;
  body: string;
}

/** One POST from `address`; rejects if the connection fails or `signal` aborts. */
function post(
  base: string,
  agent: Agent,
  address: string,
  payload: object,
  signal: AbortSignal,
): Promise<Answer> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(`${base}/graphql`, {
      method: 'POST',
      agent,
      localAddress: address,
      signal,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.once('error', reject);
    });
    req.end(body);
  });
}

/** A client's counts: since the last `take()`, and over the whole run. */
function tallies() {
  let tally = newTally();
  const total = newTally();
  return {
    total,
    take: () => {
      const taken = tally;
      tally = newTally();
      return taken;
    },
    record(ms: number, outcome: string) {
      for (const t of [tally, total]) {
        t.latencies.push(ms);
        t.outcomes.set(outcome, (t.outcomes.get(outcome) ?? 0) + 1);
      }
    },
  };
}

/** `200`, or the status and the first error code: `429 COST_BUDGET_EXCEEDED`. */
function outcomeOf(answer: Answer): string {
  const code = /"code":"([A-Z_]+)"/.exec(answer.body)?.[1];
  return code ? `${answer.status} ${code}` : String(answer.status);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

/**
 * A client running `loops` loops, each sending what `next` gives, waiting for the answer, then
 * `pauseMs(answer)` before the next.
 */
function client(
  base: string,
  name: string,
  address: string,
  loops: number,
  next: (i: number) => object,
  pauseMs: (outcome: string) => number,
): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: loops, localAddress: address });
  const { total, take, record } = tallies();
  let sent = 0;
  return {
    name,
    address,
    total,
    take,
    async run(signal) {
      const loop = async () => {
        while (!signal.aborted) {
          const started = performance.now();
          let outcome: string;
          try {
            outcome = outcomeOf(await post(base, agent, address, next(sent++), signal));
          } catch (error) {
            if (signal.aborted) break;
            outcome = `failed ${(error as Error).message.slice(0, 40)}`;
          }
          record(performance.now() - started, outcome);
          await sleep(pauseMs(outcome), signal);
        }
      };
      await Promise.all(Array.from({ length: loops }, loop));
      agent.destroy();
    },
  };
}

/** An honest client: the mix, one request at a time, about `rate` a second. */
export function honestClient(
  base: string,
  name: string,
  address: string,
  mix: readonly MixRequest[],
  rate: number,
): Client {
  const next = (i: number) => {
    const { query, variables } = mix[(i * 7 + address.length) % mix.length] as MixRequest;
    return { query, variables };
  };
  return client(base, name, address, 1, next, () => 1000 / rate);
}

const HEAVY = `query Heavy($id: ID!) {
  neighborhood(id: $id, depth: 3, limit: 200) { truncated nodes { slug kind name } edges { id source target type } }
}`;

/** A heavy client: 16 costly neighbourhoods in flight at once, back 100 ms after each answer. */
export function heavyClient(base: string, address: string, slugs: readonly string[]): Client {
  const next = (i: number) => ({ query: HEAVY, variables: { id: slugs[i % slugs.length] } });
  return client(base, 'heavy', address, 16, next, () => 100);
}

const LINK_TYPES = ['PARTY_TO', 'PARTICIPATED_IN', 'MEMBER_OF', 'LOCATED_IN', 'CONCERNS', 'CITES'];

/**
 * A novel-shape client: nine aliased entity lookups, each two to four levels of `links(first: 2,
 * types: [a random type])`, so that nearly every document is one never seen.
 */
export function novelShapeClient(base: string, address: string, slugs: readonly string[]): Client {
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const level = (depth: number): string =>
    depth === 0
      ? 'slug'
      : `links(first: 2, types: [${pick(LINK_TYPES)}]) { edges { node { slug ${level(depth - 1)} } } }`;
  const next = () => ({
    query: `{ ${Array.from({ length: 9 }, (_, k) => `e${k}: entity(id: "${pick(slugs)}") { ${level(2 + Math.floor(Math.random() * 3))} }`).join(' ')} }`,
  });
  return client(base, 'novel', address, 4, next, () => 50);
}

/** Requests the aborting client starts and hangs up on. */
const ABORTED: readonly { path: string; accept: string; body?: string }[] = [
  { path: '/graphql', accept: 'text/html' }, // GraphiQL's page, 9 MB
  { path: '/graphql', accept: 'application/json', body: JSON.stringify({ query: HEAVY }) },
];

/**
 * An aborting client: 16 loops, each starting a request (GraphiQL's page, a heavy neighbourhood)
 * on a new connection and destroying it 50 ms later, unread.
 */
export function abortingClient(base: string, address: string, slugs: readonly string[]): Client {
  const { total, take, record } = tallies();
  let sent = 0;
  const once = (signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const which = ABORTED[sent % ABORTED.length] as (typeof ABORTED)[number];
      const body = which.body?.replace(
        '"query"',
        `"variables":{"id":"${slugs[sent % slugs.length]}"},"query"`,
      );
      sent++;
      const started = performance.now();
      const req = request(`${base}${which.path}`, {
        method: body ? 'POST' : 'GET',
        localAddress: address,
        agent: false,
        headers: {
          accept: which.accept,
          ...(body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : {}),
        },
      });
      req.on('error', () => {});
      req.on('response', (res) => res.pause()); // Reads nothing.
      req.end(body);
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        req.destroy();
        resolve();
      };
      const timer = setTimeout(() => {
        record(performance.now() - started, 'aborted');
        done();
      }, 50);
      signal.addEventListener('abort', done);
    });
  return {
    name: 'aborting',
    address,
    total,
    take,
    async run(signal) {
      const loop = async () => {
        while (!signal.aborted) await once(signal);
      };
      await Promise.all(Array.from({ length: 16 }, loop));
    },
  };
}

/**
 * After the run: from `address`, `slots` requests at once, each held open until all are sent;
 * resolves to how many the server refused as TOO_MANY_REQUESTS (slots still held by the client).
 */
export async function slotsHeld(base: string, address: string, slots: number): Promise<number> {
  const agent = new Agent({ keepAlive: false, localAddress: address });
  const answers = await Promise.all(
    Array.from({ length: slots }, () =>
      post(base, agent, address, { query: '{ __typename }' }, new AbortController().signal),
    ),
  );
  agent.destroy();
  return answers.filter((answer) => outcomeOf(answer) === '429 TOO_MANY_REQUESTS').length;
}
