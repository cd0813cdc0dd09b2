import { readFile } from 'node:fs/promises';

/** The `extensions.code` values the "Error codes" table of docs/operations.md lists. */
export async function documentedErrorCodes(): Promise<Set<string>> {
  const doc = await readFile(new URL('../../docs/operations.md', import.meta.url), 'utf8');
  const section = doc.split('### Error codes')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  const codes = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)]);
  return new Set(codes.map(([, code]) => code as string));
}
