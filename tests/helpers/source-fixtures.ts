import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Writes the mini fixture, changed by `edit`, to a temp folder; returns the YAML file's path. */
export async function writeMiniFixture(
  edit: (file: Record<string, any>) => void = () => {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'source-file-'));
  const file = parse(await readFile(new URL('mini.yaml', FIXTURES), 'utf8'));
  edit(file);
  await copyFile(new URL('mini.txt', FIXTURES), join(dir, 'mini.txt'));
  const path = join(dir, 'mini.yaml');
  await writeFile(path, stringify(file));
  return path;
}
