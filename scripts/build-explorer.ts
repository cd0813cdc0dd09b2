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
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
  // Imported only for a build: loading codegen and Vite costs seconds that `--if-stale` need not pay.
  const [{ generate }, { build }, { default: codegenConfig }] = await Promise.all([
    import('@graphql-codegen/cli'),
    import('vite'),
    import('../explorer/codegen.ts'),
  ]);
  console.log('explorer: generating GraphQL types from schema.graphql');
  await generate({ ...codegenConfig, cwd: ROOT, silent: true }, true);
  console.log('explorer: bundling with Vite');
  await build({ configFile: join(EXPLORER, 'vite.config.ts'), logLevel: 'warn' });
  await printSizes(await precompress());
  await writeFile(STAMP, `${hash}\n`);
}

/** Files smaller than this are served as they are. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside each file of the bundle, at the best quality (once, at
 * build time), for the server to send as the browser's Accept-Encoding asks (sirv's `brotli` and
 * `gzip` options); returns the files with their three sizes.
 */
async function precompress() {
  const files = (await filesUnder(DIST, [STAMP])).filter((file) => !/\.(br|gz)$/.test(file)).sort();
  const sizes: { file: string; raw: number; gzip: number; brotli: number }[] = [];
  for (const file of files) {
    const content = await readFile(file);
    const raw = (await stat(file)).size;
    const gz = gzipSync(content, { level: 9 });
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw },
    });
    if (raw >= MIN_BYTES) {
      await writeFile(`${file}.gz`, gz);
      await writeFile(`${file}.br`, br);
    }
    sizes.push({ file, raw, gzip: gz.length, brotli: br.length });
  }
  return sizes;
}

/** The bundle's files with their sizes, raw, gzipped and brotli'd (what a browser downloads). */
async function printSizes(sizes: { file: string; raw: number; gzip: number; brotli: number }[]) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const line = (name: string, s: { raw: number; gzip: number; brotli: number }) =>
    console.log(
      `  ${name.padEnd(48)} ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}`,
    );
  for (const size of sizes) {
    total.raw += size.raw;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
    line(relative(ROOT, size.file), size);
  }
  line('total', total);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
