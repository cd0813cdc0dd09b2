/**
 * Soak: the mix at a fixed rate (`soak`), or mixed clients (`mixedSoak`), for a long time.
 *
 * `soak`: the mix at a fixed rate for a long time, printing each interval's requests, latency p50/p99,
 * errors and the server's resident memory, then how memory moved from the first interval to the last.
 */
import { setMaxListeners } from 'node:events';
import autocannon from 'autocannon';
import {
  abortingClient,
  type Client,
  heavyClient,
  honestClient,
  novelShapeClient,
  slotsHeld,
  type Tally,
} from './clients.ts';
import { cpuSeconds, neo4jPid } from './process-cpu.ts';
import type { MixRequest } from './queries.ts';
import type { ServerProcess } from './server-process.ts';

export interface SoakOptions {
  /** Requests per second, across all connections. */
  rate: number;
  /** Seconds in all. */
  duration: number;
  /** Seconds between two printed lines. */
  interval: number;
  connections: number;
}

interface Window {
  latencies: number[];
  errors: number;
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs the soak; resolves to the number of failed requests (errors, timeouts, non-2xx, GraphQL errors). */
export async function soak(
  server: ServerProcess,
  mix: readonly MixRequest[],
  options: SoakOptions,
  headers: Record<string, string>,
): Promise<number> {
  let window: Window = { latencies: [], errors: 0 };
  let failures = 0;
  const fail = (what: string) => {
    failures++;
    window.errors++;
    if (failures <= 3) console.log(`  failure: ${what.slice(0, 300)}`);
  };
  let finished: (error: Error | null) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: server.base,
      connections: options.connections,
      overallRate: options.rate,
      duration: options.duration,
      timeout: 10,
      requests: mix.map((request) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers,
        body: JSON.stringify({ query: request.query, variables: request.variables }),
        onResponse: (status: number, body: string) => {
          if (status !== 200) fail(`status ${status}: ${body}`);
          else if (body.includes('"errors"')) fail(body);
        },
      })),
    },
    (error) => finished(error),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    window.latencies.push(Math.round(responseTime));
  });
  instance.on('reqError', (error: Error) => fail(error.message));

  console.log('   time  requests    req/s   p50 ms   p99 ms   max ms  errors   server RSS');
  const rows: { rssKb: number; p99: number }[] = [];
  const started = Date.now();
  const report = async () => {
    const { latencies, errors } = window;
    window = { latencies: [], errors: 0 };
    const sorted = latencies.sort((a, b) => a - b);
    const { rssKb } = await server.memory();
    const p99 = percentile(sorted, 99);
    rows.push({ rssKb, p99 });
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      [
        `${seconds} s`.padStart(7),
        String(sorted.length).padStart(9),
        (sorted.length / options.interval).toFixed(1).padStart(8),
        String(percentile(sorted, 50)).padStart(8),
        String(p99).padStart(8),
        String(sorted.at(-1) ?? 0).padStart(8),
        String(errors).padStart(7),
        mb(rssKb).padStart(12),
      ].join(' '),
    );
  };
  const ticker = setInterval(() => void report(), options.interval * 1000);
  await done;
  clearInterval(ticker); // The last, partial interval is left out.

  const rss = rows.map((row) => row.rssKb);
  const first = rss[0] ?? 0;
  const last = rss.at(-1) ?? 0;
  const secondHalf = rss.slice(Math.floor(rss.length / 2));
  console.log(
    `soak: ${options.rate} req/s for ${options.duration} s; server RSS first interval ${mb(first)}, ` +
      `last ${mb(last)} (${last >= first ? '+' : '-'}${mb(Math.abs(last - first))}), ` +
      `min ${mb(Math.min(...rss))}, max ${mb(Math.max(...rss))}; second half ${mb(Math.min(...secondHalf))}–${mb(Math.max(...secondHalf))}; ` +
      `p99 per interval ${Math.min(...rows.map((r) => r.p99))}–${Math.max(...rows.map((r) => r.p99))} ms; failures ${failures}`,
  );
  return failures;
}

/** Options of the mixed soak: how long, how often a line is printed, the honest clients' pace. */
export interface MixedSoakOptions {
  duration: number;
  interval: number;
  /** Requests per second of each honest client. */
  honestRate: number;
  /** MAX_CONCURRENT_REQUESTS_PER_CLIENT of the server. */
  slots: number;
}

const countOf = (tally: Tally, prefix: string) =>
  [...tally.outcomes].filter(([k]) => k.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);

const outcomesOf = (tally: Tally) =>
  [...tally.outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome}×${n}`)
    .join(' ');

/**
 * The mixed soak: three honest clients (the mix, one request at a time), a heavy one, an aborting
 * one and a novel-shape one (clients.ts), each from its own loopback address, for `duration`
 * seconds. Prints every `interval` each client's requests, latency and 429s, the server's RSS and
 * Neo4j's CPU; then, once every client has left, Neo4j's CPU 100 ms by 100 ms and the slots the
 * server still holds for each client. Resolves to the number of broken promises: honest p99 of 1 s
 * or more, 429s or failures honest clients did not earn, slots held, Neo4j busy after 1 s.
 */
export async function mixedSoak(
  server: ServerProcess,
  mix: readonly MixRequest[],
  options: MixedSoakOptions,
): Promise<number> {
  const slugs = [
    ...new Set(mix.flatMap((r) => (r.kind === 'entity' ? [r.variables.slug as string] : []))),
  ];
  const honest = [1, 2, 3].map((n) =>
    honestClient(server.base, `honest-${n}`, `127.0.0.1${n}`, mix, options.honestRate),
  );
  const clients: Client[] = [
    ...honest,
    heavyClient(server.base, '127.0.0.21', slugs),
    abortingClient(server.base, '127.0.0.31', slugs),
    novelShapeClient(server.base, '127.0.0.41', slugs),
  ];
  const neo4j = await neo4jPid(server.pid);
  const cpu = async () => (neo4j === undefined ? Number.NaN : cpuSeconds(neo4j));
  console.log(
    `mixed soak: ${options.duration} s; ${clients.map((c) => `${c.name} ${c.address}`).join(', ')}; ` +
      `Neo4j pid ${neo4j ?? 'not found'}`,
  );
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // Every request in flight listens to it.
  const running = clients.map((c) => c.run(stop.signal));
  const started = Date.now();
  const rss: number[] = [];
  let lastCpu = await cpu();
  let lastAt = Date.now();
  const report = async () => {
    const now = Date.now();
    const cpuNow = await cpu();
    const share = ((cpuNow - lastCpu) / ((now - lastAt) / 1000)) * 100;
    lastCpu = cpuNow;
    lastAt = now;
    const { rssKb } = await server.memory();
    rss.push(rssKb);
    const parts = clients.map((c) => {
      const t = c.take();
      const sorted = t.latencies.sort((a, b) => a - b);
      const p = (q: number) => Math.round(percentile(sorted, q));
      return c.name === 'aborting'
        ? `${c.name} ${sorted.length}`
        : `${c.name} ${sorted.length} p50 ${p(50)} p99 ${p(99)} 429 ${countOf(t, '429')}`;
    });
    console.log(
      `${String(Math.round((now - started) / 1000)).padStart(4)} s | ${parts.join(' | ')} | ` +
        `RSS ${mb(rssKb)} | Neo4j CPU ${share.toFixed(0)} %`,
    );
  };
  const ticker = setInterval(() => void report(), options.interval * 1000);
  await new Promise((resolve) => setTimeout(resolve, options.duration * 1000));
  clearInterval(ticker);
  stop.abort();
  await Promise.all(running);
  const leftAt = Date.now();

  // Neo4j's CPU after the last client left, 100 ms by 100 ms for 3 s.
  const samples: number[] = [];
  let before = await cpu();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await cpu();
    samples.push(Math.round((now - before) * 1000)); // CPU ms per 100 ms
    before = now;
  }
  const busyUntil = samples.findLastIndex((ms) => ms > 20) + 1; // > 20 % of a core
  console.log(
    `Neo4j CPU after the last client left (ms of CPU per 100 ms, from ${Date.now() - leftAt - 3000} ms after): ` +
      `${samples.join(' ')}; above 20 % of a core until ${busyUntil * 100} ms`,
  );

  const held = await Promise.all(
    clients.map(async (c) => [c.name, await slotsHeld(server.base, c.address, options.slots)]),
  );
  console.log(`slots held after the clients left: ${held.map(([n, k]) => `${n} ${k}`).join(', ')}`);

  let broken = busyUntil > 10 ? 1 : 0;
  broken += held.filter(([, k]) => k !== 0).length;
  console.log('whole run:');
  for (const c of clients) {
    const sorted = c.total.latencies.sort((a, b) => a - b);
    const p99 = Math.round(percentile(sorted, 99));
    console.log(
      `  ${c.name.padEnd(9)} ${String(sorted.length).padStart(6)} requests, p50 ${Math.round(percentile(sorted, 50))} ms, ` +
        `p99 ${p99} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms; ${outcomesOf(c.total)}`,
    );
    if (honest.includes(c)) {
      if (p99 >= 1000) broken++;
      if (countOf(c.total, '200') !== sorted.length) broken++;
    }
  }
  const half = rss.slice(Math.floor(rss.length / 2));
  console.log(
    `server RSS every ${options.interval} s: ${rss.map(mb).join(', ')}; second half ` +
      `${mb(Math.min(...half))}–${mb(Math.max(...half))}`,
  );
  return broken;
}
