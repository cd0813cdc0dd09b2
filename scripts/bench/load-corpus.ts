/** Loads a scale's generated documents: through the importer one at a time, or in bulk. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad } from '../../src/db/bulk-load.ts';
import type { Database } from '../../src/db/database.ts';
import { importPlan } from '../../src/db/importer.ts';
import {
  readSourceFileWithSource,
  type SourceFileRead,
} from '../../src/knowledge/read-source-file.ts';
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
  for await (const { plan } of generatedReads(scale, seed)) {
    await importPlan(db, plan);
    progress.add(plan.entities.length);
  }
  progress.done();
}

/**
 * The same documents, read and checked the same way, written by the bulk loader into an empty
 * graph: the same graph as loadGenerated's.
 */
export async function loadGeneratedBulk(
  db: Database,
  scale: number,
  seed: number,
  log: (line: string) => void,
  progress: Progress = startProgress({ unit: 'entities', steps: documentCount(scale) }),
): Promise<void> {
  await bulkLoad(db, generatedReads(scale, seed), {
    log,
    // As loadGenerated: documents without their source files, which the servers would read along.
    revisions: false,
    onDocument: (read) => progress.add(read.plan.entities.length),
  });
  progress.done();
}

/** Each generated document written to a temp folder, read back and checked, the next one read ahead. */
async function* generatedReads(scale: number, seed: number): AsyncGenerator<SourceFileRead> {
  const dir = await mkdtemp(join(tmpdir(), `bench-corpus-${scale}-`));
  try {
    const documents = generateDocuments(scale, seed);
    const prepare = async (file: GeneratedFile): Promise<SourceFileRead> => {
      const path = join(dir, file.name);
      const text = join(dir, file.name.replace(/\.yaml$/, '.txt'));
      await writeFile(path, file.yaml);
      await writeFile(text, file.text);
      const read = await readSourceFileWithSource(path);
      await rm(path);
      await rm(text);
      return read;
    };
    const nextRead = (): Promise<SourceFileRead> | undefined => {
      const { value, done } = documents.next();
      if (done) return undefined;
      const promise = prepare(value);
      promise.catch(() => {}); // awaited below; this only avoids an unhandled rejection meanwhile
      return promise;
    };
    for (let next = nextRead(); next; ) {
      const read = await next;
      next = nextRead();
      yield read;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
