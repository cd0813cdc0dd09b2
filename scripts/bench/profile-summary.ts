/**
 * Summarises the CPU profiles that `npm run bench -- --profile` leaves in bench/results/profiles:
 * per server, the share of sampled time by package (or project folder) and the busiest functions.
 * Usage: tsx scripts/bench/profile-summary.ts [dir]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2] ?? join(ROOT, 'bench/results/profiles');

/** Where a frame's code lives: an npm package, a project folder, node itself, or idle time. */
export function owner(url: string, name: string): string {
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const project = /\/(src\/[^/]+|scripts\/[^/]+)/.exec(url);
  if (project) return project[1] as string;
  if (url.startsWith('node:') || url === '') return 'node';
  return url;
}

function summarise(profiles: Profile[]) {
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (hits === 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = functionName || '(anonymous)';
      const who = owner(url, name);
      total += hits;
      byOwner.set(who, (byOwner.get(who) ?? 0) + hits);
      const where = url
        ? `${url.replace(/^.*node_modules\//, '').replace(ROOT, '')}:${lineNumber + 1}`
        : '';
      const key = `${name} ${where}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  return `by package:\n${top(byOwner, 15)}\nby function (self time):\n${top(byFunction, 25)}`;
}

for (const server of await readdir(dir)) {
  const files = (await readdir(join(dir, server))).filter((f) => f.endsWith('.cpuprofile'));
  const profiles = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, server, f), 'utf8')) as Profile),
  );
  console.log(`\n## ${server} (${files.length} profile${files.length === 1 ? '' : 's'})\n`);
  console.log(summarise(profiles));
}
