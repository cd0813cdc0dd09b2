/**
 * Summarises several default runs (copies of bench/results/latest.json): per query, the median
 * and range of this server's throughput against @neo4j/graphql and against the raw ceiling, and
 * the median Node and Neo4j CPU per request of each server, as a markdown table.
 * Usage: tsx scripts/bench/runs-summary.ts run-1.json run-2.json run-3.json
 */
import { readFile } from 'node:fs/promises';

interface Measure {
  reqPerSec: number;
  nodeCpuMs?: number;
  neo4jCpuMs?: number | null;
}
interface Run {
  date: string;
  rows: { query: string; results: Record<'ours' | 'neo4jGraphql' | 'raw', Measure> }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const range = (values: number[], format: (n: number) => string) =>
  `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
const times = (n: number) => `${n.toFixed(2)}×`;
const percent = (n: number) => `${(100 * n).toFixed(0)} %`;
const ms = (n: number) => n.toFixed(2);

const runs = await Promise.all(
  process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, 'utf8')) as Run),
);
if (runs.length === 0) throw new Error('usage: runs-summary.ts run-1.json [run-2.json …]');
const queries = (runs[0] as Run).rows.map((row) => row.query);
console.log(
  '| query | ours ÷ @neo4j/graphql: median (range) | ours ÷ raw: median (range) | Node CPU ms/op (ours / @neo4j/graphql / raw) | Neo4j CPU ms/op (ours / @neo4j/graphql / raw) |',
);
console.log('|---|---:|---:|---:|---:|');
for (const query of queries) {
  const rows = runs.map((run) => run.rows.find((row) => row.query === query));
  if (rows.some((row) => !row)) continue;
  const of = (pick: (row: NonNullable<(typeof rows)[number]>) => number) =>
    rows.map((row) => pick(row as NonNullable<typeof row>));
  const cpu = (key: 'nodeCpuMs' | 'neo4jCpuMs') =>
    (['ours', 'neo4jGraphql', 'raw'] as const)
      .map((server) => ms(median(of((row) => Number(row.results[server][key] ?? Number.NaN)))))
      .join(' / ');
  console.log(
    `| ${query} | ${range(
      of((row) => row.results.ours.reqPerSec / row.results.neo4jGraphql.reqPerSec),
      times,
    )} | ${range(
      of((row) => row.results.ours.reqPerSec / row.results.raw.reqPerSec),
      percent,
    )} | ${cpu('nodeCpuMs')} | ${cpu('neo4jCpuMs')} |`,
  );
}
