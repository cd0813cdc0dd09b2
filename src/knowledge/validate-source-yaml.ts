import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import type { SourceFileProblem } from './source-file-error.ts';
import { validateSource } from './validate-source.ts';

/**
 * A source file's YAML parsed: its value, or what keeps it from parsing. js-yaml (YAML 1.2 core
 * schema, as `yaml` reads it: no timestamps, no merge keys) parses a file about seven times faster;
 * a file it refuses is parsed again by `yaml`, whose errors name the line and column.
 */
export function parseSourceYaml(
  yamlText: string,
): { raw: unknown; problems?: undefined } | { problems: SourceFileProblem[] } {
  try {
    // An empty file is null to `yaml`, undefined to js-yaml.
    return { raw: load(yamlText, { schema: CORE_SCHEMA }) ?? null };
  } catch {
    // reported below
  }
  const parsed = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length === 0) return { raw: parsed.toJS() };
  return {
    problems: parsed.errors.map((e) => ({
      path: '(yaml)',
      message: e.message.split('\n')[0] ?? e.message,
    })),
  };
}

/** Every problem `check-data` finds in a source file's YAML against its document's text. */
export async function checkSourceText(
  yamlText: string,
  text: string,
): Promise<SourceFileProblem[]> {
  const parsed = parseSourceYaml(yamlText);
  if (parsed.problems) return parsed.problems;
  const { problems } = await validateSource(parsed.raw, { text: async () => ({ text }) });
  return problems;
}
