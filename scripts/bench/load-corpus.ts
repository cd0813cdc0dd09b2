/** Loads a scale's generated documents through the importer, one document at a time. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { importPlan } from '../../src/db/importer.ts';
import type { ImportPlan } from '../../src/knowledge/import-plan.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { type Progress, startProgress } from '../progress.ts';
import { documentCount, type GeneratedFile, generateDocuments } from './generate.ts';

/**
 * Each document is generated, written, read and checked as `npm run import` reads a file, and
 * imported in its own transaction, while the next one is prepared; its files are removed once it
 * is in. Memory and disk hold two documents at a time, at any scale.
 */
export async function loadGenerated(
  db: Database,
  scale: number,
  seed: number,
  // Each document declares the countries it names again: the ETA counts documents, not entities.
  progress: Progress = startProgress({ unit: 'entities', steps: documentCount(scale) }),
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `bench-corpus-${scale}-`));
  try {
    const documents = generateDocuments(scale, seed);
    const prepare = async (file: GeneratedFile): Promise<ImportPlan> => {
      const path = join(dir, file.name);
      await writeFile(path, file.yaml);
      await writeFile(join(dir, file.name.replace(/\.yaml$/, '.txt')), file.text);
      const plan = await readSourceFile(path);
      await rm(path);
      await rm(join(dir, file.name.replace(/\.yaml$/, '.txt')));
      return plan;
    };
    const nextPlan = (): Promise<ImportPlan> | undefined => {
      const { value, done } = documents.next();
      if (done) return undefined;
      const promise = prepare(value);
      promise.catch(() => {}); // awaited below; this only avoids an unhandled rejection meanwhile
      return promise;
    };
    for (let next = nextPlan(); next; ) {
      const plan = await next;
      next = nextPlan();
      await importPlan(db, plan);
      progress.add(plan.entities.length);
    }
    progress.done();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
