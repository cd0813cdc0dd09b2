import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { loadCatalog, unknownIdHint } from './catalog.ts';
import { checkSourceFile } from './check-source-file.ts';
import type { ImportPlan } from './import-plan.ts';
import { sourceFileSchema } from './source-file.ts';
import { SourceFileError, type SourceFileProblem } from './source-file-error.ts';

/**
 * Reads, validates and normalises a source file; throws SourceFileError listing every problem. A
 * link end the file does not declare is looked up in the other source files of its folder.
 */
export async function readSourceFile(file: string): Promise<ImportPlan> {
  let yamlText: string;
  try {
    yamlText = await readFile(file, 'utf8');
  } catch (error) {
    throw new SourceFileError(file, [{ path: '(file)', message: (error as Error).message }]);
  }
  const parsed = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    throw new SourceFileError(
      file,
      parsed.errors.map((e) => ({
        path: '(yaml)',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  const raw: unknown = parsed.toJS();
  const result = sourceFileSchema.safeParse(raw);
  if (!result.success) {
    throw new SourceFileError(
      file,
      result.error.issues.map((issue) => describeIssue(issue, raw)),
    );
  }
  const textFile = resolve(dirname(file), result.data.document.source);
  let text: string;
  try {
    text = await readFile(textFile, 'utf8');
  } catch {
    throw new SourceFileError(file, [
      { path: 'document.source', message: `cannot read the document's text at ${textFile}` },
    ]);
  }
  let checked = checkSourceFile(result.data, text);
  if ('problems' in checked && checked.problems.some((p) => p.message.startsWith('no entity'))) {
    const catalog = await loadCatalog(dirname(file));
    checked = checkSourceFile(result.data, text, {
      unknownIdHint: (id) => unknownIdHint(catalog, id, file),
    });
  }
  if ('problems' in checked) throw new SourceFileError(file, checked.problems);
  return checked.plan;
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
  if (issue.code === 'invalid_type' && node === undefined) message = 'is required';
  return { path: parts.join(' › ') || '(root)', message };
}
