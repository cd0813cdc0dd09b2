/**
 * `npm run draft:eval [--graph] [--default]`: scores `npm run draft` against hand-curated source
 * files, per document, on the sets of `draft-eval-items.ts`, for each date parser and with or
 * without compromise's tagger.
 *
 * The catalogue of known entities is the source files of data/ (plus the fixtures' mini document),
 * less the file being scored; with --graph it is what the explorer's draft query uses: the graph's
 * full-text index, in a local Neo4j seeded with data/ (then the tuning set, whose files the graph
 * holds, is left out). --default scores the default configuration only.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { catalogFromGraph } from '../../src/db/draft-catalog.ts';
import { reading } from '../../src/db/graph-check.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { type Declaration, loadCatalog } from '../../src/knowledge/catalog.ts';
import { type Evaluation, evaluate, type Score } from '../../src/knowledge/proposals/evaluate.ts';
import type { ProposeOptions } from '../../src/knowledge/proposals/propose.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { startLocalNeo4j } from '../../src/local-neo4j/launcher.ts';
import { evaluationSets, type Item } from './draft-eval-items.ts';

const args = process.argv.slice(2);
const graph = args.includes('--graph');
const VARIANTS: [string, ProposeOptions][] = [
  ['chrono-node + patterns, tagger (default)', {}],
  ['patterns only', { dateParser: 'patterns' }],
  ['chrono-node only', { dateParser: 'chrono' }],
  ['no compromise tagger', { tagger: false }],
];
const variants = args.includes('--default') ? VARIANTS.slice(0, 1) : VARIANTS;

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)} %`);
const pr = (s: Score) => `${pct(s.correct, s.proposed)} / ${pct(s.correct, s.expected)}`;
const sum = (all: Evaluation[], pick: (e: Evaluation) => Score): Score => ({
  proposed: all.reduce((n, e) => n + pick(e).proposed, 0),
  expected: all.reduce((n, e) => n + pick(e).expected, 0),
  correct: all.reduce((n, e) => n + pick(e).correct, 0),
});

/** The catalogue for one document's text, from the source files or from the graph. */
type CatalogOf = (text: string, file: string) => Promise<Declaration[]>;

async function fromFiles(): Promise<CatalogOf> {
  const everything = [
    ...(await loadCatalog('data')),
    ...(await loadCatalog('tests/fixtures')).filter((d) => d.file.endsWith('mini.yaml')),
  ];
  return async (_text, file) => everything.filter((d) => !resolve(d.file).endsWith(file));
}

async function report(catalogOf: CatalogOf, sets: Record<string, Item[]>): Promise<string[]> {
  const lines: string[] = [];
  for (const [set, items] of Object.entries(sets)) {
    // One after the other: each document's catalogue is a batch of full-text queries.
    const inputs = [];
    for (const [text, file] of items) {
      const body = await readFile(text, 'utf8');
      const curated = await readFile(file, 'utf8');
      inputs.push({ file, body, curated, catalog: await catalogOf(body, file) });
    }
    for (const [variant, options] of variants) {
      lines.push('', `## ${set}: ${variant}`, '');
      lines.push(
        '| document | mentions | new entities | dates | figures | links | not verbatim | fields typed without → with (decisions) |',
      );
      lines.push('|---|---|---|---|---|---|---|---|');
      const all: Evaluation[] = [];
      for (const { file, body, curated, catalog } of inputs) {
        const e = evaluate(body, curated, catalog, options);
        all.push(e);
        lines.push(
          `| ${basename(file, '.yaml')} | ${pr(e.mentions)} | ${pr(e.newEntities)} | ${pr(e.dates)} | ${pr(e.figures)} | ${pr(e.links)} | ${e.notVerbatim} | ${e.typedWithout} → ${e.typedWith} (${e.decisions}) |`,
        );
      }
      const total = (p: (e: Evaluation) => Score) => pr(sum(all, p));
      const count = (p: (e: Evaluation) => number) => all.reduce((n, e) => n + p(e), 0);
      lines.push(
        `| **all** | ${total((e) => e.mentions)} | ${total((e) => e.newEntities)} | ${total((e) => e.dates)} | ${total((e) => e.figures)} | ${total((e) => e.links)} | ${count((e) => e.notVerbatim)} | ${count((e) => e.typedWithout)} → ${count((e) => e.typedWith)} (${count((e) => e.decisions)}) |`,
      );
    }
  }
  return lines;
}

/** Runs `work` against a throw-away local Neo4j seeded with data/, as the explorer's graph is. */
async function withSeededGraph<T>(work: (catalogOf: CatalogOf) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'draft-eval-neo4j-'));
  const local = await startLocalNeo4j({ dataDir, port: await findFreePort() });
  // A cold JVM on a shared machine answers its first full-text queries slowly.
  const db = connectDatabase({ ...loadConfig(), NEO4J_TX_TIMEOUT_MS: 60_000 }, local.uri, {
    maxPoolSize: 2,
  });
  try {
    await prepareDatabase(db, { seedDir: 'data', log: (line) => console.error(line) });
    return await work(async (text) => catalogFromGraph(reading(db), text));
  } finally {
    await db.close();
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const sets = await evaluationSets();
const lines: string[] = ['# Drafting proposals against curated source files', ''];
lines.push(
  `Catalogue: ${graph ? "the graph's full-text index (data/ imported), as the explorer's draft page" : 'the source files of data/, less the file scored'}.`,
  'Each cell: precision / recall. Mentions: catalogue entities the text names, linked to the right id;',
  'new entities: names no file declares, with the right kind; dates: value (so precision) as curated;',
  'links: type and both ends. Curator fields: values of the curated file typed by hand without the',
  'draft, and those the draft does not already hold (plus its `decide` items to settle).',
);
if (graph) {
  const { 'tuning (tests/fixtures, data/)': _, ...bench } = sets;
  lines.push(...(await withSeededGraph((catalogOf) => report(catalogOf, bench))));
} else lines.push(...(await report(await fromFiles(), sets)));
console.log(lines.join('\n'));
