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
  children?: number[];
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

const LAYERS: [RegExp, string][] = [
  [/^neo4j-driver/, 'neo4j-driver (Bolt messages, packing, unpacking)'],
  [/^(graphql|@graphql-tools\/.*)$/, 'graphql execution (graphql-js, executor)'],
  [/^@pothos\//, 'Pothos (field wrappers, plugins)'],
  [
    /^(graphql-yoga|@graphql-yoga\/.*|@envelop\/.*|@whatwg-node\/.*|@escape\.tech\/.*)$/,
    'yoga, envelop, whatwg-node (HTTP to Fetch, plugins)',
  ],
  [/^src\/planner$/, 'planner'],
  [/^src\/security$/, 'limits (depth, cost, checks)'],
  [/^src\/schema$/, 'resolvers (src/schema)'],
  [/^src\/db$/, 'database layer (src/db)'],
  [/^dataloader$/, 'DataLoader'],
  [/^\(garbage collector\)$/, 'garbage collector'],
];
const PLUMBING = new Set(['node', '(program)', '(root)']);

/**
 * Busy time by layer: each sample is charged to the nearest frame on its stack that belongs to a
 * package or project folder, so time spent in Node's own code (sockets, streams, promises) counts
 * for the layer that called it; what has no such caller is Node's HTTP server and event loop.
 */
function byLayer(profiles: Profile[]): string {
  const layers = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      const name = node.callFrame.functionName;
      if (hits === 0 || name === '(idle)' || name === '(program)') continue;
      busy += hits;
      let layer = 'node (HTTP server, event loop)';
      for (let at: ProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
        const who = owner(at.callFrame.url, at.callFrame.functionName);
        if (PLUMBING.has(who) || /promise-helpers/.test(who)) continue;
        layer = LAYERS.find(([pattern]) => pattern.test(who))?.[1] ?? who;
        break;
      }
      layers.set(layer, (layers.get(layer) ?? 0) + hits);
    }
  }
  return [...layers.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([layer, hits]) => `  ${((100 * hits) / busy).toFixed(1).padStart(5)} %  ${layer}`)
    .join('\n');
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
  return (
    `busy time by layer (Node's own code charged to its caller):\n${byLayer(profiles)}\n` +
    `by package:\n${top(byOwner, 15)}\nby function (self time):\n${top(byFunction, 25)}`
  );
}

for (const server of await readdir(dir)) {
  const files = (await readdir(join(dir, server))).filter((f) => f.endsWith('.cpuprofile'));
  const profiles = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, server, f), 'utf8')) as Profile),
  );
  console.log(`\n## ${server} (${files.length} profile${files.length === 1 ? '' : 's'})\n`);
  console.log(summarise(profiles));
}
