import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/**
 * Writes the fixture `name` (`name.yaml` with its `name.txt`), changed by `edit`, to a temp folder
 * (or `dir`); returns the YAML file's path.
 */
export async function writeFixture(
  name: string,
  edit: (file: Record<string, any>) => void = () => {},
  dir?: string,
): Promise<string> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'source-file-')));
  const file = parse(await readFile(new URL(`${name}.yaml`, FIXTURES), 'utf8'));
  edit(file);
  await copyFile(new URL(`${name}.txt`, FIXTURES), join(folder, `${name}.txt`));
  const path = join(folder, `${name}.yaml`);
  await writeFile(path, stringify(file));
  return path;
}

/** Writes the mini fixture, changed by `edit`, to a temp folder; returns the YAML file's path. */
export function writeMiniFixture(
  edit: (file: Record<string, any>) => void = () => {},
): Promise<string> {
  return writeFixture('mini', edit);
}
