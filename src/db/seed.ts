import { readSourceFileWithSource, type SourceFileRead } from '../knowledge/read-source-file.ts';
import { sourceFilesIn } from '../knowledge/source-files.ts';
import { recordImport } from '../write/write.ts';
import type { Database } from './database.ts';
import { type ImportSummary, importPlan } from './importer.ts';

export { sourceFilesIn };

/**
 * Checks a source file, then writes it in one transaction with its revision (made by the import;
 * none when it changes nothing); a bad file writes nothing.
 */
export async function importFile(db: Database, file: string): Promise<ImportSummary> {
  return importRead(db, await readSourceFileWithSource(file));
}

/** Writes a source file already read and checked, with the revision the import makes. */
export async function importRead(db: Database, read: SourceFileRead): Promise<ImportSummary> {
  const { plan, source } = read;
  return importPlan(db, plan, (tx) =>
    recordImport(
      db,
      tx,
      plan.document.id,
      source,
      plan.entities.map((e) => e.id),
      plan.links.map((l) => `${l.type}|${l.from}|${l.to}|${l.key}`),
    ),
  );
}

/** Loads every source file of `dir` when the database holds no document yet. */
export async function seedIfEmpty(db: Database, dir: string): Promise<ImportSummary[]> {
  const [row] = await db.read<{ documents: number }>(
    'MATCH (d:Document) RETURN count(d) AS documents',
  );
  if ((row?.documents ?? 0) > 0) return [];
  const summaries: ImportSummary[] = [];
  for (const file of await sourceFilesIn(dir)) summaries.push(await importFile(db, file));
  return summaries;
}
