/**
 * `npm run import [--dry-run] <file…>`: checks and loads source files into the configured Neo4j.
 * With --dry-run nothing is written: it lists what each file would add, merge, change and withdraw.
 */
import { changesNothing, previewImport } from '../src/db/import-preview.ts';
import { applySchema } from '../src/db/schema-setup.ts';
import { importFile } from '../src/db/seed.ts';
import { readSourceFile } from '../src/knowledge/read-source-file.ts';
import { withDatabase } from './database.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((arg) => arg !== '--dry-run');
if (files.length === 0) {
  console.error('usage: npm run import [--dry-run] <source-file.yaml> [more files…]');
  process.exit(2);
}
let failed = false;
await withDatabase(async (db) => {
  await applySchema(db);
  for (const file of files) {
    try {
      if (dryRun) {
        const preview = await previewImport(db, await readSourceFile(file));
        console.log(`${file} (dry run: nothing written):`);
        for (const part of [
          'added',
          'merged',
          'changed',
          'withdrawn',
          'errors',
          'warnings',
        ] as const) {
          for (const line of preview[part]) console.log(`  ${part.padEnd(9)} ${line}`);
        }
        console.log(`  unchanged ${preview.unchanged.length} fact(s)`);
        if (preview.errors.length > 0) failed = true;
      } else {
        const plan = await readSourceFile(file);
        const unchanged = changesNothing(await previewImport(db, plan));
        const summary = await importFile(db, file);
        console.log(
          unchanged
            ? `${file}: no change (the graph already holds what it states, as it states it)`
            : `${file}: imported ${summary.entities} entities and ${summary.links} links`,
        );
        for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
      }
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
    }
  }
});
process.exitCode = failed ? 1 : 0;
