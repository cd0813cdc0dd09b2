/**
 * `npm run import [--dry-run | --bulk] <file…>`: checks and loads source files into the configured
 * Neo4j. With --dry-run nothing is written: it lists what each file would add, merge, change and
 * withdraw. With --bulk the files fill an empty graph at once (src/db/bulk-load.ts).
 */
import { bulkLoad } from '../src/db/bulk-load.ts';
import type { Database } from '../src/db/database.ts';
import { changesNothing, previewImport } from '../src/db/import-preview.ts';
import { applySchema } from '../src/db/schema-setup.ts';
import { importRead } from '../src/db/seed.ts';
import {
  readSourceFilesAhead,
  readSourceFileWithSource,
  type SourceFileRead,
} from '../src/knowledge/read-source-file.ts';
import { withDatabase } from './database.ts';
import { startProgress } from './progress.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const bulk = args.includes('--bulk');
const files = args.filter((arg) => arg !== '--dry-run' && arg !== '--bulk');
if (files.length === 0 || (dryRun && bulk)) {
  console.error('usage: npm run import [--dry-run | --bulk] <source-file.yaml> [more files…]');
  process.exit(2);
}
// Past this many files, one progress line replaces the line per file and its dry-run comparison.
const FEW = 20;
let failed = false;
let entities = 0;
let links = 0;
await withDatabase(async (db) => {
  if (bulk) {
    try {
      await loadInBulk(db);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
    }
    return;
  }
  await applySchema(db);
  const progress =
    files.length > FEW && !dryRun
      ? startProgress({ unit: 'entities', steps: files.length })
      : undefined;
  // Reading and checking the next file overlaps the current import.
  const read = (file: string | undefined) => {
    const checked = file === undefined ? undefined : readSourceFileWithSource(file);
    checked?.catch(() => {}); // awaited in turn; this only avoids an unhandled rejection meanwhile
    return checked;
  };
  let next = read(files[0]);
  for (const [i, file] of files.entries()) {
    const reading = next;
    next = read(files[i + 1]);
    try {
      const checked = await (reading as Promise<SourceFileRead>);
      const { plan } = checked;
      if (dryRun) {
        const preview = await previewImport(db, plan);
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
      } else if (progress) {
        const summary = await importRead(db, checked);
        for (const warning of summary.warnings) console.log(`${file}: warning: ${warning}`);
        entities += summary.entities;
        links += summary.links;
        progress.add(summary.entities);
      } else {
        const unchanged = changesNothing(await previewImport(db, plan));
        const summary = await importRead(db, checked);
        console.log(
          unchanged
            ? `${file}: no change (the graph already holds what it states, as it states it)`
            : `${file}: imported ${summary.entities} entities and ${summary.links} links`,
        );
        for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
      }
    } catch (error) {
      failed = true;
      progress?.add(0);
      console.error(error instanceof Error ? error.message : error);
    }
  }
  progress?.done();
  if (progress)
    console.log(`imported ${files.length} files: ${entities} entities and ${links} links stated`);
});
process.exitCode = failed ? 1 : 0;

/** Every file read and checked (the next while the last is written), then written in bulk. */
async function loadInBulk(db: Database): Promise<void> {
  const progress = startProgress({ unit: 'entities', steps: files.length });
  const summary = await bulkLoad(db, readSourceFilesAhead(files), {
    log: (line) => console.log(line),
    onDocument: (read) => progress.add(read.plan.entities.length),
  });
  progress.done();
  console.log(
    `loaded ${summary.documents} files in bulk: ${summary.entities} entities and ${summary.links} links`,
  );
}
