import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadCatalog, unknownIdHint } from './catalog.ts';
import { checkSourceFile } from './check-source-file.ts';
import type { ImportPlan } from './import-plan.ts';
import { SourceFileError, type SourceFileProblem } from './source-file-error.ts';
import { validateSourceYaml } from './validate-source-yaml.ts';

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
  const { problems, file: data, refused } = validateSourceYaml(yamlText);
  if (!data) return { problems, partial: null };
  const textFile = resolve(dirname(file), data.document.source);
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
  let checked = checkSourceFile(data, text, { refused });
  if (checked.problems.some((p) => p.message.startsWith('no entity'))) {
    // The other files are read only when a link end needs their declarations as a hint.
    const catalog = await loadCatalog(dirname(file));
    checked = checkSourceFile(data, text, {
      unknownIdHint: (id) => unknownIdHint(catalog, id, file),
      refused,
    });
  }
  problems.push(...checked.problems);
  return { problems, partial: checked.plan };
}
