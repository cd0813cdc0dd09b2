/**
 * `npm run draft <text-file> [facts-file.yaml]`: a proposed facts file for a new document's text
 * (entities, dates, figures, events and links, each quoting the text), for a curator to decide. Printed, or written to the facts file (never over an existing one).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative } from 'node:path';
import { loadCatalog } from '../src/knowledge/catalog.ts';
import { draftFile } from '../src/knowledge/proposals/draft-file.ts';
import { propose } from '../src/knowledge/proposals/propose.ts';

const [textFile, output] = process.argv.slice(2);
if (!textFile) {
  console.error('usage: npm run draft <text-file> [facts-file.yaml]');
  process.exit(2);
}
const dataDir = process.env.DATA_DIR ?? 'data';
const text = await readFile(textFile, 'utf8');
const id = basename(output ?? textFile, extname(output ?? textFile))
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
const catalog = await loadCatalog(dataDir);
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
