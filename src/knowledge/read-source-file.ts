import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadCatalog, unknownIdHint } from './catalog.ts';
import type { ImportPlan } from './import-plan.ts';
import { SourceFileError } from './source-file-error.ts';
import { type SourceFileReading, validateSource } from './validate-source.ts';
import { parseSourceYaml } from './validate-source-yaml.ts';

export type { SourceFileReading };

/**
 * Reads, validates and normalises a source file; throws SourceFileError listing every problem. A
 * link end the file does not declare is looked up in the other source files of its folder.
 */
export async function readSourceFile(file: string): Promise<ImportPlan> {
  const { problems, partial } = await readSourceFileFully(file);
  if (problems.length > 0 || !partial) throw new SourceFileError(file, problems);
  return partial;
}

/** A checked source file: its plan, and its content as read (kept for writes). */
export interface SourceFileRead {
  plan: ImportPlan;
  source: Record<string, unknown>;
}

/** As readSourceFile, with the source file as written, which the graph keeps for later writes. */
export async function readSourceFileWithSource(file: string): Promise<SourceFileRead> {
  const { problems, partial, source } = await readSourceFileFully(file);
  if (problems.length > 0 || !partial || !source) throw new SourceFileError(file, problems);
  return { plan: partial, source };
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
    return {
      problems: [{ path: '(file)', message: (error as Error).message }],
      partial: null,
      source: null,
    };
  }
  const parsed = parseSourceYaml(yamlText);
  if (parsed.problems) return { problems: parsed.problems, partial: null, source: null };
  return validateSource(parsed.raw, {
    text: async (source) => {
      const textFile = resolve(dirname(file), source);
      try {
        return { text: await readFile(textFile, 'utf8') };
      } catch {
        return { problem: `cannot read the document's text at ${textFile}` };
      }
    },
    // The other files are read only when a link end needs their declarations as a hint.
    unknownIdHint: async () => {
      const catalog = await loadCatalog(dirname(file));
      return (id) => unknownIdHint(catalog, id, file);
    },
  });
}

/** Each file read and checked in order, the next one read while the caller works on the last. */
export async function* readSourceFilesAhead(
  files: readonly string[],
): AsyncGenerator<SourceFileRead> {
  const read = (file: string | undefined) => {
    if (file === undefined) return undefined;
    const reading = readSourceFileWithSource(file);
    reading.catch(() => {}); // awaited in turn; this only avoids an unhandled rejection meanwhile
    return reading;
  };
  let next = read(files[0]);
  for (let i = 0; next; i++) {
    const reading = next;
    next = read(files[i + 1]);
    yield await reading;
  }
}
