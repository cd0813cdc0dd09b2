/**
 * `npm run load [-- --duration 20 --connections 8 --runs 3 --warmup 3]`: starts the server in its
 * own process (NEO4J_URI if set, else a local Neo4j in a temporary folder), waits for /ready, then
 * loads it with a fixed query mix at fixed concurrency (autocannon) for `runs` runs of `duration`
 * seconds, and prints for each run req/s, p50/p99 latency, errors, and the server process's resident
 * memory before and after, then the growth across runs. Exits non-zero on any failed request.
 * Everything listens and connects on 127.0.0.1.
 *
 * `npm run load -- --soak [--rate 20 --duration 600 --interval 30]`: instead of the runs, the mix at
 * a fixed rate (req/s) for `duration` seconds (10 minutes by default), printing every `interval`
 * seconds the requests, p50/p99 latency, errors and the server's resident memory (see soak.ts).
 *
 * `npm run load -- --mixed [--duration 600 --interval 30 --honest-rate 4]`: instead, clients of
 * each kind from their own loopback addresses (honest, heavy, aborting, novel shapes; clients.ts),
 * printing each honest client's p99 and 429s, Neo4j's CPU once they left, slots still held and the
 * server's RSS over time (soak.ts, `mixedSoak`). Exits non-zero if a promise of its is broken.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildMix, checkMix, type MixRequest, type Post } from './queries.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { mixedSoak, soak } from './soak.ts';

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const SETTLE_MS = 1_000;

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string', default: '8' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '3' },
      verbose: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      mixed: { type: 'boolean', default: false },
      'honest-rate': { type: 'string', default: '4' },
      rate: { type: 'string', default: '20' },
      interval: { type: 'string', default: '30' },
    },
    strict: true,
  });
  const count = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`--${name} must be an integer of at least ${min}; got "${text}"`);
    }
    return value;
  };
  return {
    duration: count('duration', values.duration ?? (values.soak || values.mixed ? '600' : '20'), 1),
    soak: values.soak,
    mixed: values.mixed,
    honestRate: count('honest-rate', values['honest-rate'], 1),
    rate: count('rate', values.rate, 1),
    interval: count('interval', values.interval, 1),
    connections: count('connections', values.connections, 1),
    runs: count('runs', values.runs, 1),
    warmup: count('warmup', values.warmup, 0),
    verbose: values.verbose,
  };
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
const signedMb = (kb: number) => `${kb >= 0 ? '+' : '-'}${mb(Math.abs(kb))}`;

interface RunFigures {
  result: autocannon.Result;
  graphqlErrors: number;
  firstGraphqlError?: string;
}

/** One autocannon run over the mix; counts 200 answers that carry GraphQL errors as failures. */
async function load(
  base: string,
  mix: readonly MixRequest[],
  connections: number,
  duration: number,
): Promise<RunFigures> {
  const figures: Omit<RunFigures, 'result'> = { graphqlErrors: 0 };
  const onResponse = (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"')) {
      figures.graphqlErrors++;
      figures.firstGraphqlError ??= body.slice(0, 500);
    }
  };
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: mix.map((request) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: HEADERS,
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      onResponse,
    })),
  });
  return { ...figures, result };
}

const failuresOf = ({ result, graphqlErrors }: RunFigures) =>
  result.errors + result.timeouts + result.non2xx + graphqlErrors;

/** The fixed-concurrency runs; prints each, then memory across them; resolves to the failures. */
async function runs(
  server: ServerProcess,
  mix: readonly MixRequest[],
  opts: { runs: number; connections: number; duration: number },
): Promise<number> {
  let failures = 0;
  const memory: { before: number; after: number }[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    const before = (await server.memory()).rssKb;
    const figures = await load(server.base, mix, opts.connections, opts.duration);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (!server.alive()) throw new Error(`the server died during run ${run}`);
    const after = (await server.memory()).rssKb;
    memory.push({ before, after });
    failures += failuresOf(figures);
    const { result, graphqlErrors } = figures;
    console.log(
      `run ${run}/${opts.runs}: ${result.requests.average.toFixed(1)} req/s (${result.requests.total} requests in ${result.duration.toFixed(1)} s), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}; ` +
        `server RSS ${mb(before)} → ${mb(after)} (${signedMb(after - before)})`,
    );
    if (figures.firstGraphqlError)
      console.log(`  first GraphQL error: ${figures.firstGraphqlError}`);
  }

  const first = memory[0] as { before: number; after: number };
  const last = memory.at(-1) as { before: number; after: number };
  const { peakKb } = await server.memory();
  console.log(
    `memory: server RSS ${mb(first.before)} before run 1 → ${mb(last.after)} after run ${opts.runs} ` +
      `(${signedMb(last.after - first.before)}); after each run: ${memory.map((m) => mb(m.after)).join(', ')}; ` +
      `growth from run 1 to run ${opts.runs}: ${signedMb(last.after - first.after)}; peak ${mb(peakKb)}`,
  );
  return failures;
}

async function main(): Promise<number> {
  const opts = options();
  console.log(
    opts.mixed
      ? `mixed soak: honest, heavy, aborting and novel-shape clients for ${opts.duration} s, a line every ${opts.interval} s`
      : opts.soak
        ? `soak: ${opts.rate} req/s for ${opts.duration} s over ${opts.connections} connections, a line every ${opts.interval} s (after a ${opts.warmup} s warm-up)`
        : `load: ${opts.runs} runs × ${opts.duration} s at ${opts.connections} connections (after a ${opts.warmup} s warm-up)`,
  );
  const started = performance.now();
  let server: ServerProcess | undefined;
  const interrupt = () => {
    console.error('interrupted: stopping the server');
    void (server?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    server = await startServerProcess({
      log: opts.verbose ? (line) => console.log(`[server] ${line}`) : undefined,
    });
    const { base } = server;
    console.log(
      `server: pid ${server.pid} at ${base}/graphql, ${server.neo4j}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const post: Post = async (query, variables = {}) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    };
    const mix = await buildMix(post);
    await checkMix(post, mix);
    const kinds = new Map<string, number>();
    for (const { kind } of mix) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    console.log(
      `mix: ${mix.length} requests, each checked once: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );

    let failures = 0;
    if (opts.warmup > 0) {
      const warm = await load(base, mix, opts.connections, opts.warmup);
      failures += failuresOf(warm);
      console.log(
        `warm-up: ${warm.result.requests.total} requests, ${failuresOf(warm)} failed (not counted below)`,
      );
    }

    if (opts.mixed) {
      const slots = Number(process.env.MAX_CONCURRENT_REQUESTS_PER_CLIENT ?? 16);
      const broken = await mixedSoak(server, mix, { ...opts, slots });
      if (broken > 0) console.error(`mixed soak: ${broken} promise(s) broken (see above)`);
      failures += broken;
    } else if (opts.soak) failures += await soak(server, mix, opts, HEADERS);
    else failures += await runs(server, mix, opts);

    const health = await fetch(`${base}/health`);
    if (health.status !== 200) throw new Error(`/health answered ${health.status} after the load`);
    const ended = await server.stop();
    console.log(`server stopped (${ended})`);
    if (ended !== 'exit code 0') {
      console.error('the server did not stop cleanly on SIGTERM');
      return 1;
    }
    if (failures > 0) {
      console.error(`FAILED: ${failures} requests failed`);
      return 1;
    }
    console.log('ok: no failed request');
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (server) {
      const tail = server.tail();
      if (tail.length > 0 && !opts.verbose) console.error(`server output:\n${tail.join('\n')}`);
      console.error(`server stopped (${await server.stop()})`);
    }
    return 1;
  }
}

process.exitCode = await main();
