import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The source files in a folder, in name order. */
export async function sourceFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}
