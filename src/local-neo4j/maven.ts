import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POM = join(REPO_ROOT, 'neo4j', 'pom.xml');
const SOURCE = join(REPO_ROOT, 'neo4j/src/main/java/relationsgraph/neo4j/LocalNeo4j.java');
const CACHE_ROOT = join(REPO_ROOT, '.neo4j', 'launcher');

export const MAIN_CLASS = 'relationsgraph.neo4j.LocalNeo4j';

const JAVA_HINT =
  'Install a JDK 17 or 21 (e.g. `apt install openjdk-17-jdk`, `brew install openjdk@17`) or set JAVA_HOME.';
const MAVEN_HINT = 'Install Apache Maven 3.8+ (e.g. `apt install maven`, `brew install maven`).';

interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command; `echo` forwards its output to our stderr instead of only capturing it. */
function run(command: string, args: string[], echo = false): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function requireTool(command: string, args: string[], hint: string): Promise<string> {
  try {
    const { code, output } = await run(command, args);
    if (code === 0) return output;
    throw new Error(output.trim());
  } catch (error) {
    throw new Error(
      `Local Neo4j needs \`${command}\`, which failed to run (${(error as Error).message}). ${hint}`,
    );
  }
}

/** The `java` to run Neo4j with: JAVA_HOME's if set (as Maven does), else the one on PATH. */
export async function requireJava(): Promise<string> {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const output = await requireTool(java, ['-version'], JAVA_HINT);
  const major = Number(/version "(?:1\.)?(\d+)/.exec(output)?.[1]);
  if (major < 17)
    throw new Error(`Neo4j 5.26 needs Java 17+, but ${java} is ${major}. ${JAVA_HINT}`);
  return java;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A cache entry is only usable if the compiled class and every jar (in ~/.m2) are still there. */
async function readCached(dir: string): Promise<string | undefined> {
  const classpathFile = join(dir, 'classpath.txt');
  const mainClass = `${join(dir, 'classes', ...MAIN_CLASS.split('.'))}.class`;
  if (!(await exists(classpathFile)) || !(await exists(mainClass))) return undefined;
  const jars = (await readFile(classpathFile, 'utf8')).trim().split(delimiter);
  const present = await Promise.all(jars.map(exists));
  if (present.includes(false)) return undefined;
  return [join(dir, 'classes'), ...jars].join(delimiter);
}

async function build(dir: string): Promise<void> {
  await requireTool('mvn', ['-v'], MAVEN_HINT);
  // Build into a private folder and rename, so concurrent first starts cannot see half a build.
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  process.stderr.write(
    'local-neo4j: resolving Neo4j with Maven (the first run downloads ~125 MB of jars)\n',
  );
  const { code } = await run(
    'mvn',
    [
      '-B',
      '-f',
      POM,
      `-Dlocal.build.dir=${tmp}`,
      `-Dmdep.outputFile=${join(tmp, 'classpath.txt')}`,
      'compile',
      'dependency:build-classpath',
    ],
    true,
  );
  if (code !== 0) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`Maven failed (exit ${code}) building ${POM}; see its output above.`);
  }
  await rename(tmp, dir).catch(async (error: NodeJS.ErrnoException) => {
    // Another process finished the same build first; its result is equivalent.
    await rm(tmp, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}

/** Builds for an older pom.xml or Java source are never used again. */
async function pruneOtherBuilds(keep: string): Promise<void> {
  const stale = (await readdir(CACHE_ROOT)).filter(
    (name) => name !== keep && !name.includes('.tmp-'),
  );
  await Promise.all(
    stale.map((name) => rm(join(CACHE_ROOT, name), { recursive: true, force: true })),
  );
}

let resolving: Promise<string> | undefined;

/**
 * The `java -cp` value for MAIN_CLASS. Maven runs only when pom.xml or the Java source changed
 * (cache key) or the cached jars vanished; otherwise it only reads the cache. Starts made at the
 * same time (the tests start one Neo4j per worker) share one resolution: two Maven builds into
 * the same folder would undo each other.
 */
export function resolveClasspath(): Promise<string> {
  resolving ??= resolveOnce().finally(() => {
    resolving = undefined;
  });
  return resolving;
}

async function resolveOnce(): Promise<string> {
  const hash = createHash('sha256')
    .update(await readFile(POM))
    .update('\0')
    .update(await readFile(SOURCE))
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE_ROOT, hash);
  const cached = await readCached(dir);
  if (cached) return cached;

  await mkdir(CACHE_ROOT, { recursive: true });
  await rm(dir, { recursive: true, force: true });
  await build(dir);
  const built = await readCached(dir);
  if (!built) throw new Error(`Maven succeeded but left no usable classpath in ${dir}`);
  await pruneOtherBuilds(hash);
  return built;
}
