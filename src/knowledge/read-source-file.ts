import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { loadCatalog, unknownIdHint } from './catalog.ts';
import { checkSourceFile } from './check-source-file.ts';
import type { ImportPlan } from './import-plan.ts';
import { sourceFileSchema } from './source-file.ts';
import { SourceFileError, type SourceFileProblem } from './source-file-error.ts';

/** What reading a source file found: every problem of every stage, and what could be planned. */
export interface SourceFileReading {
  problems: SourceFileProblem[];
  /**
   * The plan of the entries that passed the schema (null when the document section or the text
   * cannot be read): coverage and the cross-document checks still run on it.
   */
  partial: ImportPlan | null;
}

/**
 * Reads, validates and normalises a source file; throws SourceFileError listing every problem. A
 * link end the file does not declare is looked up in the other source files of its folder.
 */
export async function readSourceFile(file: string): Promise<ImportPlan> {
  const { problems, partial } = await readSourceFileFully(file);
  if (problems.length > 0 || !partial) throw new SourceFileError(file, problems);
  return partial;
}

/**
 * Reads a source file through every stage it can reach: an entry the schema refuses is left out
 * and the rest is still checked (quotes, dates, links), so one run lists every problem.
 */
export async function readSourceFileFully(file: string): Promise<SourceFileReading> {
  let yamlText: string;
  try {
    yamlText = await readFile(file, 'utf8');
  } catch (error) {
    return { problems: [{ path: '(file)', message: (error as Error).message }], partial: null };
  }
  const parsed = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const problems = parsed.errors.map((e) => ({
      path: '(yaml)',
      message: e.message.split('\n')[0] ?? e.message,
    }));
    return { problems, partial: null };
  }
  const raw: unknown = parsed.toJS();
  const problems: SourceFileProblem[] = [];
  let result = sourceFileSchema.safeParse(raw);
  // Entries the schema refuses: their ids still count as declared, so links to them are not
  // reported twice.
  const refused = new Set<string>();
  if (!result.success) {
    problems.push(...result.error.issues.map((issue) => describeIssue(issue, raw)));
    const bad = { entities: new Set<number>(), links: new Set<number>() };
    for (const issue of result.error.issues) {
      const [list, index] = issue.path;
      if ((list === 'entities' || list === 'links') && typeof index === 'number')
        bad[list].add(index);
    }
    const source = raw as { entities?: unknown[]; links?: unknown[] };
    for (const i of bad.entities) {
      const id = (source.entities?.[i] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') refused.add(id);
    }
    result = sourceFileSchema.safeParse({
      ...(raw as object),
      entities: source.entities?.filter((_, i) => !bad.entities.has(i)),
      links: source.links?.filter((_, i) => !bad.links.has(i)),
    });
    if (!result.success) return { problems, partial: null };
  }
  const textFile = resolve(dirname(file), result.data.document.source);
  let text: string;
  try {
    text = await readFile(textFile, 'utf8');
  } catch {
    problems.push({
      path: 'document.source',
      message: `cannot read the document's text at ${textFile}`,
    });
    return { problems, partial: null };
  }
  let checked = checkSourceFile(result.data, text, { refused });
  if (checked.problems.some((p) => p.message.startsWith('no entity'))) {
    // The other files are read only when a link end needs their declarations as a hint.
    const catalog = await loadCatalog(dirname(file));
    checked = checkSourceFile(result.data, text, {
      unknownIdHint: (id) => unknownIdHint(catalog, id, file),
      refused,
    });
  }
  problems.push(...checked.problems);
  return { problems, partial: checked.plan };
}

/** Turns a zod issue into "entities[3] "ussr" › signed: message". */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): SourceFileProblem {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of issue.path) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    if (typeof key === 'number') {
      const id = (node as { id?: unknown } | undefined)?.id;
      const label = typeof id === 'string' ? ` "${id}"` : '';
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}[${key}]${label}`;
    } else {
      parts.push(String(key));
    }
  }
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && node === undefined && !message.startsWith('is required'))
    message = 'is required';
  return { path: parts.join(' › ') || '(root)', message };
}
