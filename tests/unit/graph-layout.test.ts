import { describe, expect, it } from 'vitest';
import { clusterLeaves, placeLabels, ringPositions } from '../../explorer/src/lib/graph-layout.ts';

const node = (slug: string, kind = 'EVENT') => ({ slug, name: slug.toUpperCase(), kind });
const link = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  label: 'concerns',
});
const plural = (kind: string, n: number) => `${n} ${kind.toLowerCase()}s`;

/** A hub with `events` leaf events, two leaf people, and a pair of linked countries. */
function hub(events: number) {
  const nodes = [node('hub', 'COUNTRY'), node('p1', 'PERSON'), node('p2', 'PERSON')];
  const links = [link('hub', 'p1'), link('hub', 'p2')];
  for (let i = 0; i < events; i++) {
    nodes.push(node(`e${i}`));
    links.push(link(`e${i}`, 'hub'));
  }
  nodes.push(node('c1', 'COUNTRY'), node('c2', 'COUNTRY'));
  links.push(link('hub', 'c1'), link('c1', 'c2'), link('c2', 'hub'));
  return { nodes, links };
}

describe('grouping what does not fit', () => {
  it('groups the farthest entities first, by the neighbour nearest the centre, links redrawn', () => {
    const nodes = [
      node('hub', 'COUNTRY'),
      node('a', 'COUNTRY'),
      node('x1'),
      node('x2'),
      node('x3'),
    ];
    const links = [
      link('hub', 'a'),
      link('a', 'x1'),
      link('a', 'x2'),
      link('a', 'x3'),
      link('x1', 'x2'),
    ];
    const drawn = clusterLeaves(nodes, links, { centre: 'hub', max: 3, plural });
    expect(drawn.nodes.map((n) => n.slug)).toEqual(['hub', 'a', 'group:a:EVENT']);
    expect(drawn.links.map((l) => `${l.source}>${l.target}`)).toEqual(['hub>a', 'a>group:a:EVENT']);
  });

  it('draws a graph that fits as it is', () => {
    const { nodes, links } = hub(3);
    const drawn = clusterLeaves(nodes, links, { centre: 'hub', max: 20, plural });
    expect(drawn.nodes).toHaveLength(nodes.length);
    expect(drawn.clusterOf.size).toBe(0);
  });

  it('groups leaves by neighbour and kind, the largest group first, until the graph fits', () => {
    const { nodes, links } = hub(30);
    const drawn = clusterLeaves(nodes, links, { centre: 'hub', max: 12, plural });
    expect(drawn.nodes.map((n) => n.slug).sort()).toEqual(
      ['c1', 'c2', 'group:hub:EVENT', 'hub', 'p1', 'p2'].sort(),
    );
    const group = drawn.nodes.find((n) => n.slug === 'group:hub:EVENT');
    expect(group).toMatchObject({ name: '30 events', members: expect.any(Array) });
    expect(drawn.links).toContainEqual(
      expect.objectContaining({ source: 'group:hub:EVENT', target: 'hub' }),
    );
    expect(drawn.links.filter((l) => l.source === 'group:hub:EVENT')).toHaveLength(1);
    expect(drawn.links.some((l) => l.source.startsWith('e') || l.target.startsWith('e'))).toBe(
      false,
    );
    // Still over the limit: the people are grouped too.
    const tighter = clusterLeaves(nodes, links, { centre: 'hub', max: 4, plural });
    expect(tighter.nodes.map((n) => n.slug)).toContain('group:hub:PERSON');
  });

  it('keeps a group open when asked to', () => {
    const { nodes, links } = hub(30);
    const drawn = clusterLeaves(nodes, links, {
      centre: 'hub',
      max: 12,
      plural,
      expanded: new Set(['group:hub:EVENT']),
    });
    expect(drawn.nodes.map((n) => n.slug)).toContain('e7');
  });
});

describe('a stable start', () => {
  it('places the same data the same way, whatever its order, the centre in the middle', () => {
    const { nodes, links } = hub(5);
    const a = ringPositions(nodes, links, 'hub');
    const b = ringPositions([...nodes].reverse(), [...links].reverse(), 'hub');
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(a.get('hub')).toEqual({ x: 0, y: 0 });
  });
});

describe('labels that do not collide', () => {
  it('keeps the most important of two overlapping labels and every label clear of others', () => {
    const box = (id: string, x: number, y: number, priority: number) => ({
      id,
      x,
      y,
      width: 80,
      height: 14,
      priority,
    });
    const shown = placeLabels([
      box('a', 0, 0, 1),
      box('centre', 10, 5, 9),
      box('far', 300, 0, 0),
      box('below', 10, 30, 2),
    ]);
    expect([...shown].sort()).toEqual(['below', 'centre', 'far']);
  });
});
