/** Loads a scale's generated documents: through the importer one at a time, or in bulk. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad } from '../../src/db/bulk-load.ts';
import type { Database } from '../../src/db/database.ts';
import { importPlan } from '../../src/db/importer.ts';
import {
  readSourceFilesAhead,
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
 * The same documents, written to a temp folder first (timed apart: `generateMs`), then read and
 * checked as `npm run import -- --bulk` reads them and written by the bulk loader into an empty
 * graph: the same graph as loadGenerated's. The folder holds the whole corpus until the load ends.
 */
export async function loadGeneratedBulk(
  db: Database,
  scale: number,
  seed: number,
  log: (line: string) => void,
  batchEntities?: number,
): Promise<{ generateMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), `bench-corpus-${scale}-`));
  try {
    const started = Date.now();
    const files: string[] = [];
    for (const file of generateDocuments(scale, seed)) {
      const path = join(dir, file.name);
      await writeFile(path, file.yaml);
      await writeFile(join(dir, file.name.replace(/\.yaml$/, '.txt')), file.text);
      files.push(path);
    }
    const generateMs = Date.now() - started;
    log(
      `scale ${scale}: ${files.length} documents generated in ${(generateMs / 1000).toFixed(1)} s`,
    );
    // Each document declares the countries it names again: the ETA counts documents, not entities.
    const progress = startProgress({ unit: 'entities', steps: files.length });
    await bulkLoad(db, readSourceFilesAhead(files), {
      log,
      batchEntities,
      // As loadGenerated: documents without their source files, which the servers would read along.
      revisions: false,
      onDocument: (read) => progress.add(read.plan.entities.length),
    });
    progress.done();
    return { generateMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
