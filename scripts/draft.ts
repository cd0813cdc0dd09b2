/**
 * `npm run draft <text-file> [facts-file.yaml]`: a skeleton facts file for a new document's text,
 * for a curator to complete. Printed, or written to the facts file (never over an existing one).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative } from 'node:path';
import { loadCatalog } from '../src/knowledge/catalog.ts';
import { draftSourceFile } from '../src/knowledge/draft.ts';

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
const draft = draftSourceFile({
  text,
  id,
  source: relative(output ? dirname(output) : dataDir, textFile),
  catalog: await loadCatalog(dataDir),
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
