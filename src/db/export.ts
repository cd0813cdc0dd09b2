import { mkdir, mkdtemp, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { checkSourceFile } from '../knowledge/check-source-file.ts';
import { sourceFileSchema } from '../knowledge/source-file.ts';
import {
  type DocumentStatements,
  sourceFileOf,
  sourceFileYaml,
} from '../knowledge/write-source-file.ts';
import type { Database } from './database.ts';
import { ExportRepository } from './export-repository.ts';

/** Why an export could not be written; nothing was left at the target. */
export class ExportError extends Error {}

export interface ExportOptions {
  /** Replace a folder that holds an earlier export (only source files and their texts). */
  replace?: boolean;
  log?: (line: string) => void;
}

export interface ExportSummary {
  documents: number;
  entities: number;
  links: number;
  /** Documents whose facts would not pass the check as written (they are written all the same). */
  warnings: string[];
}

/**
 * Writes every document of the graph as a source file (`<id>.yaml`) with its text, into `out`.
 * Everything is written to a temporary folder beside `out` and renamed into place at the end, so
 * a failure leaves `out` as it was.
 */
export async function exportGraph(
  db: Database,
  out: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const target = resolve(out);
  const existing = await entriesOf(target);
  if (existing && existing.length > 0) {
    if (!options.replace)
      throw new ExportError(`${out} exists and is not empty; name a new folder or pass --replace`);
    const foreign = await foreignFiles(target);
    if (foreign.length > 0)
      throw new ExportError(
        `${out} holds files an export does not write (${foreign.slice(0, 3).join(', ')}); ` +
          'it will not be replaced',
      );
  }
  const staging = await makeStaging(target);
  try {
    const summary = await writeExport(new ExportRepository(db), staging, options.log);
    await swapIn(staging, target, existing);
    return summary;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeExport(
  repo: ExportRepository,
  dir: string,
  log: (line: string) => void = () => {},
): Promise<ExportSummary> {
  const summary: ExportSummary = { documents: 0, entities: 0, links: 0, warnings: [] };
  const taken = new Set<string>();
  for (const id of await repo.documentIds()) {
    const statements = await repo.statementsOf(id);
    const textPath = textPathOf(statements, taken);
    taken.add(textPath);
    await mkdir(dirname(join(dir, textPath)), { recursive: true });
    await writeFile(join(dir, textPath), statements.document.text);
    await writeFile(join(dir, `${id}.yaml`), sourceFileYaml(statements, textPath));
    for (const problem of problemsOf(statements, textPath))
      summary.warnings.push(`${id}.yaml: ${problem}`);
    summary.documents += 1;
    summary.entities += statements.entities.length;
    summary.links += statements.links.length;
    log(`${id}: ${statements.entities.length} entities, ${statements.links.length} links`);
  }
  return summary;
}

/**
 * Where the text goes: where the imported file had it, when that stays inside the folder and is
 * free, else `sources/<id>.txt`.
 */
function textPathOf(statements: DocumentStatements, taken: ReadonlySet<string>): string {
  const { id, source } = statements.document;
  const kept = source ? normalize(source) : '';
  const inside = kept && !isAbsolute(kept) && !kept.startsWith('..') && !kept.endsWith('.yaml');
  return inside && !taken.has(kept) ? kept : join('sources', `${id}.txt`);
}

/** What the import would refuse in the written file: a graph written by other means may differ. */
function problemsOf(statements: DocumentStatements, textPath: string): string[] {
  const parsed = sourceFileSchema.safeParse(sourceFileOf(statements, textPath));
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return checkSourceFile(parsed.data, statements.document.text).problems.map(
    (p) => `${p.path}: ${p.message}`,
  );
}

/** The names in a folder, or null when it does not exist. */
async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR')
      throw new ExportError(`cannot write to ${dir}: it, or a folder above it, is a file`);
    throw new ExportError(`cannot read ${dir}: ${(error as Error).message}`);
  }
}

/** Files an export would not have written (so the folder is not an earlier export). */
async function foreignFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.yaml') && !e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name));
}

/** A fresh folder beside the target, on the same file system, so the final rename is atomic. */
async function makeStaging(target: string): Promise<string> {
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
    return await mkdtemp(join(parent, `.${basename(target)}.export-`));
  } catch (error) {
    throw new ExportError(`cannot write to ${parent}: ${(error as Error).message}`);
  }
}

async function swapIn(staging: string, target: string, existing: string[] | null): Promise<void> {
  if (existing === null) return rename(staging, target);
  if (existing.length === 0) {
    await rmdir(target);
    return rename(staging, target);
  }
  // The earlier export is moved aside first and removed only once the new one is in place.
  const old = `${staging}.old`;
  await rename(target, old);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
