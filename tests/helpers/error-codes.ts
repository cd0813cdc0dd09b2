import { readFile } from 'node:fs/promises';

/** The `extensions.code` values README's "Error codes" table lists. */
export async function readmeErrorCodes(): Promise<Set<string>> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Error codes')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  const codes = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)]);
  return new Set(codes.map(([, code]) => code as string));
}
