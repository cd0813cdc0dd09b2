/**
 * Soak: the mix at a fixed rate for a long time, printing each interval's requests, latency p50/p99,
 * errors and the server's resident memory, then how memory moved from the first interval to the last.
 */
import autocannon from 'autocannon';
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

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

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
