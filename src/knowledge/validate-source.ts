import { z } from 'zod';
import { checkSourceFile } from './check-source-file.ts';
import type { ImportPlan } from './import-plan.ts';
import { sourceFileSchema } from './source-file.ts';
import type { SourceFileProblem } from './source-file-error.ts';

/** What checking a source file found: every problem of every stage, and what could be planned. */
export interface SourceFileReading {
  problems: SourceFileProblem[];
  /**
   * The plan of the entries that passed the schema (null when the document section or the text
   * cannot be read): coverage and the cross-document checks still run on it.
   */
  partial: ImportPlan | null;
  /** The source file as given, before defaults (what the graph keeps for writes), when readable. */
  source: Record<string, unknown> | null;
}

export interface ValidateOptions {
  /** The document's text, given the file's `document.source`; a string problem when unreadable. */
  text: (source: string) => Promise<{ text: string } | { problem: string }>;
  /** What to tell about a link end the file does not declare; built only when one is missing. */
  unknownIdHint?: () => Promise<(id: string) => string>;
  /** A document with no facts yet, or none left (a write): a file must state at least one. */
  allowNoEntities?: boolean;
}

const withoutFacts = sourceFileSchema.extend({
  entities: z.array(sourceFileSchema.shape.entities.element),
});

/**
 * The one check of a source file, whether it comes from a YAML file (`check-data`, the import) or
 * from a write through the API: the schema, then quotes, dates, ids, links and kinds. An entry the
 * schema refuses is left out and the rest is still checked, so one run lists every problem.
 */
export async function validateSource(
  raw: unknown,
  options: ValidateOptions,
): Promise<SourceFileReading> {
  const problems: SourceFileProblem[] = [];
  const schema = options.allowNoEntities ? withoutFacts : sourceFileSchema;
  let result = schema.safeParse(raw);
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
    const source = (raw ?? {}) as { entities?: unknown[]; links?: unknown[] };
    for (const i of bad.entities) {
      const id = (source.entities?.[i] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') refused.add(id);
    }
    result = schema.safeParse({
      ...(source as object),
      entities: source.entities?.filter((_, i) => !bad.entities.has(i)),
      links: source.links?.filter((_, i) => !bad.links.has(i)),
    });
    if (!result.success) return { problems, partial: null, source: null };
  }
  const read = await options.text(result.data.document.source);
  if ('problem' in read) {
    problems.push({ path: 'document.source', message: read.problem });
    return { problems, partial: null, source: raw as Record<string, unknown> };
  }
  let checked = checkSourceFile(result.data, read.text, { refused });
  if (options.unknownIdHint && checked.problems.some((p) => p.message.startsWith('no entity'))) {
    checked = checkSourceFile(result.data, read.text, {
      unknownIdHint: await options.unknownIdHint(),
      refused,
    });
  }
  problems.push(...checked.problems);
  return { problems, partial: checked.plan, source: raw as Record<string, unknown> };
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
