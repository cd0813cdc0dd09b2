/**
 * `npx tsx scripts/bench/load-scale.ts --scales 100,1000 [--seed 1] [--per-document] [--profile]
 * [--batch ENTITIES] [--out FILE]`: loads each scale of the benchmark's graph into an empty Neo4j as `npm run bench`
 * does (the bulk loader; with --per-document the importer, file by file) and prints the load time
 * (the bulk loader's leaves out generating the files, timed apart), entities/s, the CPU time of
 * this process and of the local Neo4j, and this process's peak RSS. With --profile, the time each statement took in all.
 * With --out, a markdown table.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { ManagedTransaction } from 'neo4j-driver';
import { loadScale, memoryFor, openDb, startNeo4j } from './setup.ts';

const { values: opts } = parseArgs({
  options: {
    scales: { type: 'string', default: '100,1000' },
    seed: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    'per-document': { type: 'boolean', default: false },
    batch: { type: 'string' },
    out: { type: 'string' },
  },
});
const scales = (opts.scales ?? '').split(',').map(Number);
const seed = Number(opts.seed);
const log = (line: string) => console.log(line);

const neo = await startNeo4j(log, Math.max(...scales));
const db = openDb(neo.uri);
const spent = new Map<string, { ms: number; calls: number }>();
if (opts.profile) {
  const run = db.run.bind(db);
  db.run = async <Row>(
    tx: ManagedTransaction,
    cypher: string,
    params?: Record<string, unknown>,
  ) => {
    const t = performance.now();
    try {
      return await run<Row>(tx, cypher, params);
    } finally {
      const key = cypher.trim().split('\n').slice(0, 2).join(' ').slice(0, 90);
      const entry = spent.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - t;
      entry.calls += 1;
      spent.set(key, entry);
    }
  };
}
/** CPU seconds the local Neo4j's JVM has used (utime + stime of /proc/<pid>/stat); 0 without one. */
async function neo4jCpu(): Promise<number> {
  const pid = neo.pid();
  if (pid === undefined) return 0;
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const rows: string[] = [];
try {
  for (const scale of scales) {
    spent.clear();
    const cpu = { node: process.cpuUsage(), neo4j: await neo4jCpu() };
    const data = await loadScale(db, scale, seed, log, {
      perDocument: opts['per-document'],
      batchEntities: opts.batch ? Number(opts.batch) : undefined,
    });
    const used = process.cpuUsage(cpu.node);
    const nodeCpu = (used.user + used.system) / 1e6;
    const neoCpu = (await neo4jCpu()) - cpu.neo4j;
    const seconds = (data.loadMs ?? 0) / 1000;
    const generated = (data.generateMs ?? 0) / 1000;
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    const rate = Math.round((data.entities ?? 0) / seconds);
    log(
      `scale ${scale}: ${data.entities} entities, ${data.relationships} relationships loaded in ` +
        `${seconds.toFixed(1)} s (${rate} entities/s; files generated before in ${generated.toFixed(1)} s); ` +
        `peak RSS of the importer so far ${rss} MB; CPU s: this process ${nodeCpu.toFixed(0)} ` +
        `(generation included), Neo4j ${neoCpu.toFixed(0)}`,
    );
    const load = loadavg()
      .map((n) => n.toFixed(1))
      .join(' ');
    rows.push(
      `| ${opts['per-document'] ? 'per document' : 'bulk'} | ${scale} | ${data.documents} | ${data.entities} | ${data.nodes} | ${data.relationships} | ` +
        `${seconds.toFixed(1)} | ${rate} | ${generated.toFixed(1)} | ${nodeCpu.toFixed(0)} | ${neoCpu.toFixed(0)} | ${rss} | ${load} |`,
    );
    if (opts.profile) {
      const top = [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
      for (const [text, { ms, calls }] of top)
        log(`  ${(ms / 1000).toFixed(1).padStart(7)} s ${String(calls).padStart(6)}× ${text}`);
    }
  }
} finally {
  await db.close();
  await neo.stop();
}
const memory = memoryFor(Math.max(...scales));
const table = [
  `Import of the benchmark's graph, seed ${seed}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; ` +
    `local Neo4j heap ${process.env.NEO4J_LOCAL_HEAP ?? memory.heap}, page cache ${process.env.NEO4J_LOCAL_PAGECACHE ?? memory.pageCache}.`,
  '',
  '| loader | scale | documents | entities | nodes | relationships | load s | entities/s | generate s | CPU s, importer | CPU s, Neo4j | peak RSS MB | load average after |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows,
].join('\n');
console.log(`\n${table}`);
if (opts.out) await writeFile(opts.out, `${table}\n`);
