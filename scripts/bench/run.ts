/**
 * `npm run bench`: this server vs `@neo4j/graphql` vs a raw-driver endpoint, same Neo4j, same data,
 * same process model (one child process each), same pool size, one run, alternating. Every answer
 * is checked against this server's before anything is measured. See bench/README.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Database } from '../../src/db/database.ts';
import {
  type BenchQuery,
  benchQueries,
  normaliseAnswer,
  requestBody,
  requestPath,
  SERVERS,
  type ServerName,
} from './queries.ts';
import { loadScale, openDb, startNeo4j } from './setup.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');
const PROFILES = join(RESULTS, 'profiles');
const POOL = 50;
const SCALING_WARMUP_SECONDS = 15;

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    queries: { type: 'string' },
    seed: { type: 'string', default: '1' },
    scaling: { type: 'boolean', default: false },
    scales: { type: 'string', default: '1,10,100,1000' },
    'rate-duration': { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    cached: { type: 'boolean', default: false },
  },
});
const seed = Number(opts.seed);
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
const connections = Number(opts.connections);
const rateDuration = Number(opts['rate-duration']);
const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const LABEL: Record<ServerName, string> = {
  ours: 'this server',
  neo4jGraphql: '@neo4j/graphql',
  raw: 'raw driver',
};
const SCRIPT: Record<ServerName, string> = {
  ours: 'scripts/bench/servers/ours.ts',
  neo4jGraphql: 'scripts/bench/servers/neo4j-graphql.ts',
  raw: 'scripts/bench/servers/raw.ts',
};

// ---------------------------------------------------------------------------------------------
// Servers

interface ServerHandle {
  name: ServerName;
  url: string;
  child: ChildProcess;
}

async function startServer(
  name: ServerName,
  uri: string,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const profiling = opts.profile
    ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILES, name), '--cpu-prof-interval', '500']
    : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', SCRIPT[name]], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: '0',
      NODE_ENV: 'production',
      NEO4J_MAX_POOL_SIZE: String(POOL),
      BENCH_SEED: String(seed),
      // The deep query nests 4 lists; keep limits on but above what the mix asks.
      GRAPHQL_MAX_DEPTH: '20',
      GRAPHQL_MAX_COST: '1000000',
      GRAPHQL_MAX_TOKENS: '10000',
      GRAPHQL_MAX_ALIASES: '15',
      // Ten connections of one client ask far more than a client's share of the cost per second.
      GRAPHQL_COST_PER_SECOND: '1000000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start:\n${tail.join('\n')}`)),
      60_000,
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /^READY (\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${tail.join('\n')}`));
    });
  });
  return { name, url: `http://127.0.0.1:${port}`, child };
}

async function stopServer(server: ServerHandle): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

interface Stats {
  requests: number;
  queries: number;
  /** The server process's CPU time so far (user + system). */
  cpuMicros: number;
}

async function stats(server: ServerHandle): Promise<Stats> {
  const response = await fetch(`${server.url}/__bench/stats`);
  return (await response.json()) as Stats;
}

// ---------------------------------------------------------------------------------------------
// Neo4j's CPU time, read from /proc for the local JVM (unknown for NEO4J_URI)

let neo4jPid: () => number | undefined = () => undefined;
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The JVM's user + system CPU time in ms, or null when it cannot be read. */
function neo4jCpuMs(): number | null {
  const pid = neo4jPid();
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function post(server: ServerHandle, q: BenchQuery, v: Record<string, unknown>) {
  const response = await fetch(`${server.url}${requestPath(server.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: requestBody(server.name, q, v),
  });
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// Answer check

/**
 * As post, asked again (up to 3 times, 2 s apart) when the server's statement ran out of time: the
 * first request after a load may find Neo4j planning every statement again for the new data, which
 * on a loaded machine has taken more than the 5 s limit. The answers are compared all the same.
 */
async function postChecked(server: ServerHandle, q: BenchQuery, v: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const body = await post(server, q, v);
    if (attempt === 3 || !JSON.stringify(body?.errors ?? '').includes('QUERY_TIMEOUT')) return body;
    log(`${server.name} ${q.name}: statement timed out at the check, asking again`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** JSON with object keys sorted, so key order never counts as a difference. */
export function sortedKeysJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Fetches every variant of every query from each server; throws on any difference. */
async function checkAnswers(servers: ServerHandle[], queries: BenchQuery[]): Promise<number> {
  let checked = 0;
  for (const q of queries) {
    for (const v of q.variants) {
      const answers = new Map<ServerName, string>();
      for (const server of servers) {
        const body = await postChecked(server, q, v);
        answers.set(server.name, sortedKeysJson(normaliseAnswer(server.name, q, body)));
      }
      const reference = answers.get('ours');
      for (const [name, answer] of answers) {
        if (answer !== reference) {
          throw new Error(
            `answer mismatch for ${q.name} ${JSON.stringify(v)}:\n  ours: ${reference?.slice(0, 2000)}\n  ${name}: ${answer.slice(0, 2000)}`,
          );
        }
      }
      checked++;
    }
  }
  return checked;
}

// ---------------------------------------------------------------------------------------------
// Load generation

interface Measure {
  server: ServerName;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  queriesPerOp: number;
  /** The server's Node CPU per request served, in ms. */
  nodeCpuMs: number;
  /** Neo4j's CPU per request served, in ms (null when Neo4j is not local). */
  neo4jCpuMs: number | null;
}

/** Failed answers of a run, and the first one's words. */
interface Failures {
  count: number;
  first?: string;
}

function requestsFor(server: ServerName, queries: BenchQuery[], errors: Failures) {
  // Interleaved by variant so a mix request list cycles through every query.
  const maxVariants = Math.max(...queries.map((q) => q.variants.length));
  const list: autocannon.Request[] = [];
  for (let i = 0; i < maxVariants; i++) {
    for (const q of queries) {
      const v = q.variants[i % q.variants.length] as Record<string, unknown>;
      list.push({
        method: 'POST',
        path: requestPath(server),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: requestBody(server, q, v),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) {
            errors.count++;
            errors.first ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      } as autocannon.Request);
    }
  }
  return list;
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(
  server: ServerHandle,
  queries: BenchQuery[],
  seconds: number,
  rate?: number,
): Promise<Measure> {
  const warm: Failures = { count: 0 };
  if (warmup > 0) {
    await cannon({
      url: server.url,
      connections,
      duration: warmup,
      requests: requestsFor(server.name, queries, warm),
    });
  }
  const errors: Failures = { count: 0 };
  const before = await stats(server);
  const neo4jBefore = neo4jCpuMs();
  const result = await cannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: requestsFor(server.name, queries, errors),
    ...(rate ? { overallRate: rate } : {}),
  });
  const after = await stats(server);
  const neo4jAfter = neo4jCpuMs();
  const requests = after.requests - before.requests;
  const failed = errors.count + result.errors + result.timeouts + result.non2xx;
  // A server that refuses answers fast: its figures would measure the refusals, not the queries.
  if (failed > 0) {
    throw new Error(
      `${server.name} failed ${failed} of ${result.requests.total} requests of ${queries
        .map((q) => q.name)
        .join(',')}${errors.first ? `; the first answer: ${errors.first}` : ''}`,
    );
  }
  return {
    server: server.name,
    reqPerSec: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: failed,
    requests: result.requests.total,
    queriesPerOp: requests > 0 ? (after.queries - before.queries) / requests : 0,
    nodeCpuMs: requests > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / requests : 0,
    neo4jCpuMs:
      requests > 0 && neo4jBefore !== null && neo4jAfter !== null
        ? (neo4jAfter - neo4jBefore) / requests
        : null,
  };
}

/** Measures each server on a query list, rotating which server goes first. */
async function measureAll(
  servers: ServerHandle[],
  queries: BenchQuery[],
  round: number,
  seconds: number,
  rate?: number,
): Promise<Record<ServerName, Measure>> {
  const order = servers.map((_, i) => servers[(i + round) % servers.length] as ServerHandle);
  const out = {} as Record<ServerName, Measure>;
  for (const server of order) out[server.name] = await measure(server, queries, seconds, rate);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

interface Row {
  query: string;
  results: Record<ServerName, Measure>;
}

function table(rows: Row[]): string {
  const head =
    '| query | server | req/s | p50 ms | p99 ms | errors | Cypher/op | Node CPU ms/op | Neo4j CPU ms/op | ours ÷ this (req/s) |\n' +
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.flatMap((row) =>
    SERVERS.map((name) => {
      const m = row.results[name];
      const ratio = name === 'ours' ? '' : `${f2(row.results.ours.reqPerSec / m.reqPerSec)}×`;
      return `| ${row.query} | ${LABEL[name]} | ${f0(m.reqPerSec)} | ${f1(m.p50)} | ${f1(m.p99)} | ${m.errors} | ${f2(m.queriesPerOp)} | ${f2(m.nodeCpuMs)} | ${m.neo4jCpuMs === null ? '–' : f2(m.neo4jCpuMs)} | ${ratio} |`;
    }),
  );
  return [head, ...lines].join('\n');
}

function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memTotalGiB: +(totalmem() / 2 ** 30).toFixed(1),
    memFreeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const wanted = opts.queries?.split(',').map((s) => s.trim());
  // Each scale's mix asks for ids that scale's graph holds.
  const queriesAt = (scale: number) => {
    const all = benchQueries(seed, scale);
    return wanted ? all.filter((q) => wanted.includes(q.name)) : all;
  };
  if (queriesAt(1).length === 0) throw new Error(`no query matches --queries ${opts.queries}`);

  const largest = opts.scaling
    ? Math.max(...(opts.scales ?? '1').split(',').map(Number))
    : Number(opts.scale);
  const neo = await startNeo4j(log, largest);
  neo4jPid = () => neo.pid();
  const db = openDb(neo.uri);
  const servers: ServerHandle[] = [];
  try {
    for (const name of SERVERS) servers.push(await startServer(name, neo.uri));
    log(`servers: ${servers.map((s) => `${s.name} ${s.url}`).join(', ')}`);
    await mkdir(RESULTS, { recursive: true });

    if (opts.scaling) {
      await scalingRun(db, servers, queriesAt, started);
      return;
    }

    const scale = Number(opts.scale);
    const queries = queriesAt(scale);
    const data = await loadScale(db, scale, seed, log);
    const checked = await checkAnswers(servers, queries);
    log(`answers checked: ${checked} query variants × ${servers.length} servers agree`);

    const rows: Row[] = [];
    let round = 0;
    for (const q of queries) {
      log(`measuring ${q.name}`);
      rows.push({ query: q.name, results: await measureAll(servers, [q], round++, duration) });
    }
    log('measuring the mix');
    const mix: Row = {
      query: 'mix',
      results: await measureAll(servers, queries, round++, duration),
    };
    rows.push(mix);

    // Fixed rate for honest tails: half the slowest server's mix throughput, the same for all.
    const rate = Math.max(
      1,
      Math.floor(0.5 * Math.min(...SERVERS.map((s) => mix.results[s].reqPerSec))),
    );
    log(`fixed-rate mix at ${rate} req/s`);
    const fixed: Row = {
      query: `mix @ ${rate} req/s`,
      results: await measureAll(servers, queries, round++, rateDuration, rate),
    };

    // Apart from the fair comparison: this server's mix with and without its response cache.
    const cachedMix = opts.cached ? await measureCachedMix(neo.uri, servers, queries) : null;

    const recheck = await checkAnswers(servers, queries);
    const totalMs = Date.now() - started;
    const summary = {
      mixVsNeo4jGraphql: mix.results.ours.reqPerSec / mix.results.neo4jGraphql.reqPerSec,
      mixVsRaw: mix.results.ours.reqPerSec / mix.results.raw.reqPerSec,
      perQueryVsNeo4jGraphql: Object.fromEntries(
        rows.map((r) => [r.query, r.results.ours.reqPerSec / r.results.neo4jGraphql.reqPerSec]),
      ),
    };
    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      settings: { scale, seed, duration, warmup, connections, rateDuration, rate, pool: POOL },
      data,
      answersChecked: checked + recheck,
      rows,
      fixedRate: fixed,
      summary,
      ...(cachedMix ? { cachedMix } : {}),
      totalMs,
    };
    const md = [
      `Scale ${scale} (${data.nodes} nodes, ${data.relationships} relationships), ${connections} connections, ${duration} s per run after ${warmup} s warm-up, seed ${seed}.`,
      '',
      table(rows),
      '',
      `Fixed rate (autocannon overallRate, ${rateDuration} s):`,
      '',
      table([fixed]),
      '',
      `Mix: ${f2(summary.mixVsNeo4jGraphql)}× @neo4j/graphql, ${f0(100 * summary.mixVsRaw)} % of the raw ceiling. ` +
        `Answers checked: ${checked + recheck}. Total ${f0(totalMs / 1000)} s.`,
      ...(cachedMix
        ? [
            '',
            `Response cache (not part of the comparison above): this server's mix ${f0(cachedMix.without.reqPerSec)} req/s without, ${f0(cachedMix.with.reqPerSec)} req/s with RESPONSE_CACHE_TTL_MS (${f2(cachedMix.with.reqPerSec / cachedMix.without.reqPerSec)}×), p99 ${f1(cachedMix.without.p99)} → ${f1(cachedMix.with.p99)} ms.`,
          ]
        : []),
    ].join('\n');
    await writeFile(join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(RESULTS, 'latest.md'), `${md}\n`);
    console.log(`\n${md}\n`);
  } finally {
    for (const server of servers) await stopServer(server);
    await db.close();
    await neo.stop();
  }
}

/** This server's mix, then the same on a second process of it with the response cache on. */
async function measureCachedMix(uri: string, servers: ServerHandle[], queries: BenchQuery[]) {
  const ours = servers.find((server) => server.name === 'ours') as ServerHandle;
  log('measuring the mix without and with the response cache');
  const without = await measure(ours, queries, duration);
  const cached = await startServer('ours', uri, { RESPONSE_CACHE_TTL_MS: '600000' });
  try {
    return { without, with: await measure(cached, queries, duration) };
  } finally {
    await stopServer(cached);
  }
}

async function scalingRun(
  db: Database,
  servers: ServerHandle[],
  queriesAt: (scale: number) => BenchQuery[],
  started: number,
) {
  const scales = (opts.scales ?? '1,10,100,1000').split(',').map(Number);
  const perScale: { scale: number; data: Record<string, number>; rows: Row[] }[] = [];
  for (const [i, scale] of scales.entries()) {
    const queries = queriesAt(scale);
    const data = await loadScale(db, scale, seed, log);
    const checked = await checkAnswers(servers, queries);
    log(`scale ${scale}: answers checked (${checked} variants)`);
    if (i === 0) {
      // Fresh processes run slower until the JIT has compiled their hot paths: without this,
      // the first scale would look slower than the next ones.
      log('warming the servers up with the mix');
      for (const server of servers) await measure(server, queries, SCALING_WARMUP_SECONDS);
    }
    const rows: Row[] = [];
    let round = 0;
    for (const q of queries) {
      rows.push({ query: q.name, results: await measureAll(servers, [q], round++, duration) });
    }
    rows.push({ query: 'mix', results: await measureAll(servers, queries, round++, duration) });
    perScale.push({ scale, data, rows });
    log(`scale ${scale} done`);
  }
  const base = perScale[0];
  const head =
    `| query | server | ${perScale.map((s) => `p50 @${s.scale}`).join(' | ')} | ${perScale.map((s) => `p99 @${s.scale}`).join(' | ')} | p50 growth |\n` +
    `|---|---|${perScale.map(() => '---:').join('|')}|${perScale.map(() => '---:').join('|')}|---:|`;
  const lines: string[] = [];
  for (const [i, q] of (base?.rows ?? []).entries()) {
    for (const name of SERVERS) {
      const p50s = perScale.map((s) => s.rows[i]?.results[name].p50 ?? 0);
      const p99s = perScale.map((s) => s.rows[i]?.results[name].p99 ?? 0);
      const growth = (p50s.at(-1) ?? 0) / Math.max(p50s[0] ?? 1, 1);
      lines.push(
        `| ${q.query} | ${LABEL[name]} | ${p50s.map(f1).join(' | ')} | ${p99s.map(f1).join(' | ')} | ${f1(growth)}× |`,
      );
    }
  }
  const md = [
    `Scaling run: ${connections} connections, ${duration} s per run, seed ${seed}. Latency in ms.`,
    '',
    ...perScale.map((s) => {
      const mix = s.rows.at(-1)?.results;
      const ratios = mix
        ? `; mix ${f2(mix.ours.reqPerSec / mix.neo4jGraphql.reqPerSec)}× @neo4j/graphql, ${f0((100 * mix.ours.reqPerSec) / mix.raw.reqPerSec)} % of raw`
        : '';
      return `- scale ${s.scale}: ${s.data.nodes} nodes, ${s.data.relationships} relationships (load ${f0((s.data.loadMs ?? 0) / 1000)} s)${ratios}`;
    }),
    '',
    [head, ...lines].join('\n'),
    '',
    ...perScale.map((s) => `### scale ${s.scale}\n\n${table(s.rows)}\n`),
    `Total ${f0((Date.now() - started) / 1000)} s.`,
  ].join('\n');
  await writeFile(
    join(RESULTS, 'scaling.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), perScale }, null, 2)}\n`,
  );
  await writeFile(join(RESULTS, 'scaling.md'), `${md}\n`);
  console.log(`\n${md}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
