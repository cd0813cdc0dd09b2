import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../gql/graphql.ts';
import { kindColour } from '../lib/kinds.ts';
import { ErrorBox, Loading } from './states.tsx';

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

/**
 * Draws entities and links with cytoscape.js (loaded on first use, so other views do not wait for
 * it): nodes coloured by kind, links labelled; a click on a node calls `onOpen` with its slug.
 * Once laid out, the nodes' positions on screen are written to `data-positions` on the canvas, so
 * tests can click a node as a person would.
 */
export function GraphCanvas(props: {
  nodes: GraphNode[];
  links: GraphLink[];
  centre?: string;
  /** ring: the centre amid its neighbours; force: a force-directed layout; line: left to right. */
  layout: 'ring' | 'force' | 'line';
  onOpen: (slug: string) => void;
  height?: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Error>();
  const [ready, setReady] = useState(false);
  const open = useRef(props.onOpen);
  open.current = props.onOpen;

  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    setReady(false);
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        const element = container.current;
        if (cancelled || !element) return;
        // In a big graph only the centre and the hubs keep their names; the others show theirs on hover.
        const degree = new Map<string, number>();
        for (const l of props.links) {
          degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
          degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
        }
        const nameAll = props.nodes.length <= 60;
        const elements: ElementDefinition[] = [
          ...props.nodes.map((n, i) => ({
            data: {
              id: n.slug,
              name: n.name,
              colour: kindColour(n.kind),
              named: nameAll || n.slug === props.centre || (degree.get(n.slug) ?? 0) >= 6,
            },
            classes: n.slug === props.centre ? 'centre' : '',
            position: props.layout === 'line' ? { x: i * 220, y: (i % 2) * 60 } : undefined,
          })),
          ...props.links.map((l) => ({
            data: { id: l.id, source: l.source, target: l.target, label: l.label },
          })),
        ];
        const layout: LayoutOptions =
          props.layout === 'line'
            ? { name: 'preset', fit: true, padding: 40 }
            : props.layout === 'ring'
              ? {
                  name: 'concentric',
                  fit: true,
                  padding: 40,
                  animate: false,
                  minNodeSpacing: 70,
                  concentric: (node) => (node.id() === props.centre ? 2 : 1),
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
        // Many links' labels would hide the graph: then a node's links are labelled while hovered.
        const labelAll = props.links.length <= 16;
        cy = cytoscape({
          container: element,
          elements,
          layout,
          minZoom: 0.3,
          maxZoom: 2.5,
          wheelSensitivity: 0.3,
          style: [
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
          ],
        });
        cy.on('tap', 'node', (event) => open.current(event.target.id()));
        cy.on('mouseover', 'node', (event) => {
          element.style.setProperty('cursor', 'pointer');
          event.target.addClass('lit').connectedEdges().addClass('lit');
        });
        cy.on('mouseout', 'node', (event) => {
          element.style.removeProperty('cursor');
          event.target.removeClass('lit').connectedEdges().removeClass('lit');
        });
        const positions = Object.fromEntries(
          cy.nodes().map((n) => [n.id(), n.renderedPosition()] as const),
        );
        element.dataset.positions = JSON.stringify(positions);
        setReady(true);
      })
      .catch((error: Error) => setFailure(error));
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [props.nodes, props.links, props.centre, props.layout]);

  if (failure) return <ErrorBox error={failure} />;
  return (
    <div class="graph-wrap">
      {!ready && <Loading what="Drawing" />}
      <div
        ref={container}
        class="graph"
        data-testid="graph"
        data-ready={ready ? 'true' : 'false'}
        role="img"
        aria-label={props.label}
        style={{ height: `${props.height ?? 520}px` }}
      />
    </div>
  );
}
