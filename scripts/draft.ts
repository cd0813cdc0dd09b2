/**
 * `npm run draft [--graph] <text-file> [facts-file.yaml]`: a proposed facts file for a new
 * document's text (entities, dates, figures, events and links, each quoting the text), for a
 * curator to decide. Printed, or written to the facts file (never over an existing one). Known
 * entities come from the source files of DATA_DIR; with --graph (or NEO4J_URI set), also from the
 * graph, found through its full-text index.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative } from 'node:path';
import { catalogFromGraph } from '../src/db/draft-catalog.ts';
import { reading } from '../src/db/graph-check.ts';
import { type Declaration, loadCatalog } from '../src/knowledge/catalog.ts';
import { draftFile } from '../src/knowledge/proposals/draft-file.ts';
import { propose } from '../src/knowledge/proposals/propose.ts';
import { withDatabase } from './database.ts';

const args = process.argv.slice(2);
const graph = args.includes('--graph') || Boolean(process.env.NEO4J_URI);
const [textFile, output] = args.filter((arg) => arg !== '--graph');
if (!textFile) {
  console.error('usage: npm run draft [--graph] <text-file> [facts-file.yaml]');
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? 'data';
const text = await readFile(textFile, 'utf8');
const id = basename(output ?? textFile, extname(output ?? textFile))
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
const files = await loadCatalog(dataDir);
const fromGraph = graph
  ? await withDatabase((db) => catalogFromGraph(reading(db), text))
  : ([] as Declaration[]);
// A file's declaration wins over the graph's merged one: it is what a curator copies.
const catalog = [...files, ...fromGraph.filter((g) => !files.some((f) => f.id === g.id))];
const draft = draftFile(propose(text, catalog), {
  id,
  source: relative(output ? dirname(output) : dataDir, textFile),
  catalog,
});
if (output) {
  try {
    await writeFile(output, draft, { flag: 'wx' });
  } catch (error) {
    console.error(`cannot write ${output}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`${output}: draft written; complete it, then npm run check-data ${output}`);
} else {
  process.stdout.write(draft);
}
