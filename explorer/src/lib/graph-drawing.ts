import type { ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../gql/graphql.ts';
import { kindColour } from './kinds.ts';

// What GraphCanvas hands cytoscape.js: elements, layout and style, worked out apart from drawing.

export interface GraphNode {
  slug: string;
  name: string;
  kind: EntityKind;
}

export interface GraphLink {
  id: string;
  source: string;
  target: string;
  label: string;
}

/** ring: the centre amid its neighbours; force: a force-directed layout; line: left to right. */
export type GraphLayout = 'ring' | 'force' | 'line';

/** Nodes coloured by kind, the centre marked, and links; a line's nodes placed left to right. */
export function graphElements({
  nodes,
  links,
  centre,
  layout,
}: {
  nodes: readonly GraphNode[];
  links: readonly GraphLink[];
  centre?: string;
  layout: GraphLayout;
}): ElementDefinition[] {
  // In a big graph only the centre and the hubs keep their names; the others show theirs on hover.
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const nameAll = nodes.length <= 60;
  return [
    ...nodes.map((n, i) => ({
      data: {
        id: n.slug,
        name: n.name,
        colour: kindColour(n.kind),
        named: nameAll || n.slug === centre || (degree.get(n.slug) ?? 0) >= 6,
      },
      classes: n.slug === centre ? 'centre' : '',
      position: layout === 'line' ? { x: i * 220, y: (i % 2) * 60 } : undefined,
    })),
    ...links.map((l) => ({
      data: { id: l.id, source: l.source, target: l.target, label: l.label },
    })),
  ];
}

/** How cytoscape.js lays out a graph drawn as `layout` around `centre`. */
export function graphLayout(layout: GraphLayout, centre?: string): LayoutOptions {
  return layout === 'line'
    ? { name: 'preset', fit: true, padding: 40 }
    : layout === 'ring'
      ? {
          name: 'concentric',
          fit: true,
          padding: 40,
          animate: false,
          minNodeSpacing: 70,
          concentric: (node) => (node.id() === centre ? 2 : 1),
          levelWidth: () => 1,
        }
      : {
          name: 'cose',
          animate: false,
          fit: true,
          padding: 30,
          nodeRepulsion: () => 200_000,
          idealEdgeLength: () => 120,
          gravity: 0.4,
          numIter: 1500,
        };
}

/**
 * The style of a graph of `linkCount` links: many links' labels would hide the graph, so then a
 * node's links are labelled only while it is hovered.
 */
export function graphStyle(linkCount: number): StylesheetJson {
  const labelAll = linkCount <= 16;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: '',
        'font-size': 11,
        'min-zoomed-font-size': 7,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 18,
        height: 18,
      },
    },
    { selector: 'node[?named], node.lit', style: { label: 'data(name)' } },
    {
      selector: 'node.centre',
      style: {
        width: 30,
        height: 30,
        'border-width': 4,
        'border-color': '#0f172a',
        'font-weight': 'bold',
        'font-size': 13,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#94a3b8',
        'target-arrow-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: labelAll ? 'data(label)' : '',
        'font-size': 9,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
      },
    },
    {
      selector: 'edge.lit',
      style: { label: 'data(label)', 'line-color': '#334155', width: 2.5, 'z-index': 10 },
    },
    { selector: 'node:active', style: { 'overlay-opacity': 0.15 } },
  ];
}
