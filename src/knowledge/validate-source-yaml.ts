import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkSourceFile } from './check-source-file.ts';
import { type SourceFile, sourceFileSchema } from './source-file.ts';
import type { SourceFileProblem } from './source-file-error.ts';

/** A source file's YAML read against the schema: its problems, and what passed. */
export interface ValidatedYaml {
  problems: SourceFileProblem[];
  /** The file without the entries the schema refused; null when even that does not pass. */
  file: SourceFile | null;
  /** Ids of entries the schema refused: declared, so links to them are not reported again. */
  refused: Set<string>;
}

/**
 * Parses a source file's YAML and validates it: an entry the schema refuses is left out and the
 * rest still passes, so the later checks (quotes, dates, links) can list every other problem.
 */
export function validateSourceYaml(yamlText: string): ValidatedYaml {
  const refused = new Set<string>();
  const parsed = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const problems = parsed.errors.map((e) => ({
      path: '(yaml)',
      message: e.message.split('\n')[0] ?? e.message,
    }));
    return { problems, file: null, refused };
  }
  const raw: unknown = parsed.toJS();
  const problems: SourceFileProblem[] = [];
  let result = sourceFileSchema.safeParse(raw);
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
    if (!result.success) return { problems, file: null, refused };
  }
  return { problems, file: result.data, refused };
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

/** Every problem `check-data` finds in a source file's YAML against its document's text. */
export function checkSourceText(yamlText: string, text: string): SourceFileProblem[] {
  const { problems, file, refused } = validateSourceYaml(yamlText);
  if (!file) return problems;
  return [...problems, ...checkSourceFile(file, text, { refused }).problems];
}
