import type { ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../gql/graphql.ts';
import { type LayoutNode, ringPositions } from './graph-layout.ts';
import { KIND_SHAPES, kindColour } from './kinds.ts';

// What cytoscape.js is given to draw a graph: its elements, layout and style, built from the data
// alone (the canvas component only mounts them and handles events).

export interface GraphNode extends LayoutNode {
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

/** Labels keep this size on screen whatever the zoom (px). */
export const LABEL_PX = 12;
export const EDGE_LABEL_PX = 10;

/**
 * The nodes (coloured and shaped by kind, started from rings around the centre or on a line) and
 * links; a node's label priority is its degree, a group's more, the centre's most.
 */
export function graphElements(
  nodes: readonly GraphNode[],
  links: readonly GraphLink[],
  layout: GraphLayout,
  centre?: string,
): ElementDefinition[] {
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const start = ringPositions(nodes, links, centre);
  return [
    ...nodes.map((n, i) => ({
      data: {
        id: n.slug,
        name: n.name,
        colour: kindColour(n.kind),
        shape: KIND_SHAPES[n.kind],
        priority: (n.slug === centre ? 1000 : 0) + (degree.get(n.slug) ?? 0) + (n.members ? 5 : 0),
      },
      classes: [n.slug === centre ? 'centre' : '', n.members ? 'group' : ''].join(' ').trim(),
      position:
        layout === 'line'
          ? { x: i * 220, y: (i % 2) * 60 }
          : { ...(start.get(n.slug) ?? { x: 0, y: 0 }) },
    })),
    ...links.map((l) => ({
      data: { id: l.id, source: l.source, target: l.target, label: l.label },
    })),
  ];
}

/** cytoscape's layout for each of ours; none is random, so the same data is drawn the same way. */
export function layoutOptions(layout: GraphLayout, centre?: string): LayoutOptions {
  if (layout === 'line') return { name: 'preset', fit: true, padding: 40 };
  if (layout === 'ring') {
    return {
      name: 'concentric',
      fit: true,
      padding: 40,
      animate: false,
      minNodeSpacing: 70,
      concentric: (node) => (node.id() === centre ? 2 : 1),
      levelWidth: () => 1,
    };
  }
  return {
    name: 'cose',
    animate: false,
    randomize: false,
    fit: true,
    padding: 30,
    nodeRepulsion: () => 200_000,
    idealEdgeLength: () => 110,
    gravity: 0.4,
    // Started from rings around the centre, it settles in few rounds.
    numIter: 300,
  };
}

/** The style: few links are each labelled; many, a node's links only while it is hovered. */
export function graphStyle(linkCount: number): StylesheetJson {
  const labelAll = linkCount <= 16;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        shape: 'data(shape)' as never,
        label: '',
        'font-size': LABEL_PX,
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        width: 18,
        height: 18,
      },
    },
    { selector: 'node.labelled, node.lit, node.found', style: { label: 'data(name)' } },
    {
      selector: 'node.group',
      style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#ffffff' },
    },
    {
      selector: 'node.centre',
      style: {
        width: 30,
        height: 30,
        'border-width': 4,
        'border-color': '#0f172a',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.found',
      style: { 'border-width': 5, 'border-color': '#f59e0b', 'z-index': 20 },
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
        'font-size': EDGE_LABEL_PX,
        color: '#334155',
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
