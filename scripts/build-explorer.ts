/**
 * Builds the explorer (explorer/ → explorer/dist, served at / by the server): generates its
 * GraphQL types from schema.graphql, then bundles it with Vite, and prints the bundle's size.
 * With --if-stale it does nothing when the inputs are those of the last build (a content hash), so
 * `npm start` and `npm test` build a fresh clone once and skip the build afterwards.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generate } from '@graphql-codegen/cli';
import { build } from 'vite';
import codegenConfig from '../explorer/codegen.ts';

const ROOT = join(import.meta.dirname, '..');
const EXPLORER = join(ROOT, 'explorer');
const DIST = join(EXPLORER, 'dist');
const GENERATED = join(EXPLORER, 'src', 'gql');
const STAMP = join(DIST, '.inputs-sha256');

async function filesUnder(dir: string, skip: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (skip.includes(path)) return [];
      return entry.isDirectory() ? filesUnder(path, skip) : [path];
    }),
  );
  return files.flat();
}

/** A hash of everything the bundle is made from: the explorer's sources, the schema, the lockfile. */
async function inputsHash(): Promise<string> {
  const files = [
    ...(await filesUnder(EXPLORER, [DIST, GENERATED])),
    join(ROOT, 'schema.graphql'),
    join(ROOT, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file));
  return hash.digest('hex');
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  const hash = await inputsHash();
  const built = existsSync(STAMP) ? (await readFile(STAMP, 'utf8')).trim() : '';
  if (ifStale && built === hash && existsSync(join(GENERATED, 'graphql.ts'))) {
    console.log('explorer: up to date (explorer/dist)');
    return;
  }
  console.log('explorer: generating GraphQL types from schema.graphql');
  await generate({ ...codegenConfig, cwd: ROOT, silent: true }, true);
  console.log('explorer: bundling with Vite');
  await build({ configFile: join(EXPLORER, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(STAMP, `${hash}\n`);
  await printSizes();
}

/** The bundle's files with their sizes, raw and gzipped (what a browser downloads). */
async function printSizes() {
  const files = (await filesUnder(DIST, [STAMP])).sort();
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = await readFile(file);
    const size = (await stat(file)).size;
    const gz = gzipSync(content).length;
    raw += size;
    gzipped += gz;
    console.log(
      `  ${relative(ROOT, file).padEnd(48)} ${kb(size).padStart(9)}  gzip ${kb(gz).padStart(9)}`,
    );
  }
  console.log(`  ${'total'.padEnd(48)} ${kb(raw).padStart(9)}  gzip ${kb(gzipped).padStart(9)}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
