/** Pure parts of drawing a graph: grouping what does not fit, a stable start, labels that fit. */

export interface LayoutNode {
  slug: string;
  name: string;
  kind: string;
  /** For a group of entities drawn as one node: the entities it stands for. */
  members?: string[];
}

export interface LayoutLink {
  id: string;
  source: string;
  target: string;
  label: string;
}

/** Each node's distance in links from `start` (breadth first); unreachable nodes are absent. */
function distancesFrom(start: string | undefined, links: readonly LayoutLink[]) {
  const around = new Map<string, string[]>();
  for (const l of links) {
    around.set(l.source, [...(around.get(l.source) ?? []), l.target]);
    around.set(l.target, [...(around.get(l.target) ?? []), l.source]);
  }
  const distance = new Map<string, number>();
  if (start === undefined) return { distance, around };
  distance.set(start, 0);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const next of around.get(at) ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, (distance.get(at) ?? 0) + 1);
      queue.push(next);
    }
  }
  return { distance, around };
}

/**
 * Draws at most `max` nodes: entities are grouped by the neighbour that brings them nearest the
 * centre and by their kind into one node ("14 events"), the farthest and largest groups first,
 * until the graph fits; a group's links are drawn from the group, each once. Groups named in
 * `expanded` stay open; the centre is never grouped.
 */
export function clusterLeaves<N extends LayoutNode, L extends LayoutLink>(
  nodes: readonly N[],
  links: readonly L[],
  options: {
    centre?: string;
    max: number;
    expanded?: ReadonlySet<string>;
    plural: (kind: string, count: number) => string;
  },
): { nodes: (N | LayoutNode)[]; links: (L | LayoutLink)[]; clusterOf: Map<string, string> } {
  const clusterOf = new Map<string, string>();
  if (nodes.length <= options.max) return { nodes: [...nodes], links: [...links], clusterOf };
  const { distance, around } = distancesFrom(options.centre, links);
  const far = Math.max(0, ...distance.values()) + 1;
  const groups = new Map<string, { parent: string; kind: string; depth: number; members: N[] }>();
  for (const node of nodes) {
    if (node.slug === options.centre) continue;
    const depth = distance.get(node.slug) ?? far;
    const parent = [...new Set(around.get(node.slug) ?? [])]
      .filter((n) => n !== node.slug)
      .sort((a, b) => (distance.get(a) ?? far) - (distance.get(b) ?? far) || a.localeCompare(b))[0];
    if (parent === undefined) continue;
    const key = `group:${parent}:${node.kind}`;
    const group = groups.get(key) ?? { parent, kind: node.kind, depth, members: [] };
    group.members.push(node);
    groups.set(key, group);
  }
  // Farthest first, then largest, then by key: the same data groups the same way on every load.
  const ordered = [...groups.entries()]
    .filter(([key, g]) => g.members.length >= 2 && !options.expanded?.has(key))
    .sort(
      ([ka, a], [kb, b]) =>
        b.depth - a.depth || b.members.length - a.members.length || ka.localeCompare(kb),
    );
  let count = nodes.length;
  const closed: [string, { parent: string; kind: string; members: N[] }][] = [];
  for (const [key, group] of ordered) {
    if (count <= options.max) break;
    for (const member of group.members) clusterOf.set(member.slug, key);
    closed.push([key, group]);
    count -= group.members.length - 1;
  }
  const drawn: (N | LayoutNode)[] = nodes.filter((n) => !clusterOf.has(n.slug));
  for (const [key, group] of closed) {
    drawn.push({
      slug: key,
      name: options.plural(group.kind, group.members.length),
      kind: group.kind,
      members: group.members.map((m) => m.slug),
    });
  }
  // A link to a grouped entity is drawn to its group; links a group would draw twice, once.
  const end = (slug: string) => clusterOf.get(slug) ?? slug;
  const drawnLinks: (L | LayoutLink)[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const [source, target] = [end(link.source), end(link.target)];
    if (source === link.source && target === link.target) {
      drawnLinks.push(link);
      continue;
    }
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    drawnLinks.push({ id: `${key}:grouped`, source, target, label: '' });
  }
  return { nodes: drawn, links: drawnLinks, clusterOf };
}

/**
 * Where each node starts: rings around the centre by their distance from it, each ring in name
 * order. A force layout started here and run without randomness draws the same data the same way.
 */
export function ringPositions(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  centre: string | undefined,
  spacing = 140,
): Map<string, { x: number; y: number }> {
  const start = centre && nodes.some((n) => n.slug === centre) ? centre : nodes[0]?.slug;
  const { distance } = distancesFrom(start, links);
  const rings = new Map<number, LayoutNode[]>();
  const farthest = Math.max(0, ...distance.values()) + 1;
  for (const node of nodes) {
    const ring = distance.get(node.slug) ?? farthest;
    rings.set(ring, [...(rings.get(ring) ?? []), node]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [ring, members] of rings) {
    members.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
    members.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / members.length + ring * 0.5;
      const radius = ring * spacing;
      positions.set(node.slug, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  return positions;
}

export interface LabelCandidate {
  id: string;
  /** Centre of the label's box on screen. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first: the centre, then the best-connected nodes. */
  priority: number;
}

/**
 * The labels to show so that none overlaps another: the most important first, each kept only if
 * its box (with a small margin) is clear of those kept before it.
 */
export function placeLabels(candidates: readonly LabelCandidate[], margin = 2): Set<string> {
  const kept: LabelCandidate[] = [];
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || a.id.localeCompare(b.id),
  );
  for (const c of ordered) {
    const clear = kept.every(
      (k) =>
        Math.abs(k.x - c.x) * 2 >= k.width + c.width + margin * 2 ||
        Math.abs(k.y - c.y) * 2 >= k.height + c.height + margin * 2,
    );
    if (clear) kept.push(c);
  }
  return new Set(kept.map((k) => k.id));
}
