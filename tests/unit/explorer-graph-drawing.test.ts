import { describe, expect, it } from 'vitest';
import {
  type GraphNode,
  graphElements,
  graphLayout,
  graphStyle,
} from '../../explorer/src/lib/graph-drawing.ts';

const node = (slug: string): GraphNode => ({ slug, name: slug.toUpperCase(), kind: 'COUNTRY' });
const star = (leaves: number) => ({
  nodes: [node('hub'), ...Array.from({ length: leaves }, (_, i) => node(`leaf-${i}`))],
  links: Array.from({ length: leaves }, (_, i) => ({
    id: `l${i}`,
    source: 'hub',
    target: `leaf-${i}`,
    label: 'LOCATED_IN',
  })),
});

const named = (elements: ReturnType<typeof graphElements>) =>
  elements.filter((e) => e.data.named).map((e) => e.data.id);

describe('what the graph canvas draws', () => {
  it('names every node of a small graph, and only the centre and hubs of a big one', () => {
    expect(named(graphElements({ ...star(5), layout: 'ring' }))).toHaveLength(6);
    const big = graphElements({ ...star(70), centre: 'leaf-3', layout: 'force' });
    expect(named(big)).toEqual(['hub', 'leaf-3']);
    expect(big.find((e) => e.data.id === 'leaf-3')?.classes).toBe('centre');
  });

  it('places a line left to right and lets the other layouts place their nodes', () => {
    const line = graphElements({ ...star(2), layout: 'line' });
    expect(line.slice(0, 3).map((e) => e.position)).toEqual([
      { x: 0, y: 0 },
      { x: 220, y: 60 },
      { x: 440, y: 0 },
    ]);
    expect(graphElements({ ...star(2), layout: 'ring' })[0]?.position).toBeUndefined();
    expect(graphLayout('line').name).toBe('preset');
    expect(graphLayout('ring', 'hub').name).toBe('concentric');
    expect(graphLayout('force').name).toBe('cose');
  });

  it('labels every link of a small graph, and a big one’s only while hovered', () => {
    const edgeLabel = (links: number) => {
      const rule = graphStyle(links).find((block) => block.selector === 'edge');
      return rule && 'style' in rule ? rule.style : undefined;
    };
    expect(edgeLabel(16)).toMatchObject({ label: 'data(label)' });
    expect(edgeLabel(17)).toMatchObject({ label: '' });
  });
});
