/**
 * `npm run check-data [--graph] [files…]` (default: data/*.yaml): checks source files, each alone
 * and together (an entity's kind, differing names and values, near-duplicate links); named files
 * are checked against the other files of data/ (DATA_DIR) too. With --graph
 * the files are also checked against what the graph's other documents say.
 */
import { checkAgainstGraph, reading } from '../src/db/graph-check.ts';
import { checkDataFiles, describeCrossCheck } from '../src/knowledge/check-data.ts';
import { sourceFilesIn } from '../src/knowledge/source-files.ts';
import { withDatabase } from './database.ts';

const args = process.argv.slice(2);
const graph = args.includes('--graph');
const named = args.filter((arg) => arg !== '--graph');
const folder = await sourceFilesIn(process.env.DATA_DIR ?? 'data');
const files = named.length > 0 ? named : folder;

// A named file is checked against every other file of the folder, as the folder is checked.
const report = await checkDataFiles(files, folder);
for (const line of report.lines) console.log(line);
let failed = report.failed;
if (graph) {
  const checked = await withDatabase((db) => checkAgainstGraph(reading(db), report.plans, true));
  const described = describeCrossCheck('against the graph', checked);
  for (const line of described.lines) console.log(line);
  failed ||= described.failed;
}
process.exitCode = failed ? 1 : 0;
