import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../gql/graphql.ts';
import { type LayoutNode, placeLabels, ringPositions } from '../lib/graph-layout.ts';
import { KIND_SHAPES, kindColour } from '../lib/kinds.ts';
import { ErrorBox, Loading } from './states.tsx';

export interface GraphNode extends LayoutNode {
  kind: EntityKind;
}

export interface GraphLink {
  id: string;
  source: string;
  target: string;
  label: string;
}

/** Labels keep this size on screen whatever the zoom (px). */
const LABEL_PX = 12;
const EDGE_LABEL_PX = 10;

/**
 * Draws entities and links with cytoscape.js (loaded on first use, so other views do not wait for
 * it): nodes coloured and shaped by kind, laid out the same way for the same data (a force layout
 * started from rings around the centre, no randomness). Labels keep their size on screen and only
 * those that fit without overlapping are shown, the centre and hubs first; the wheel zooms, a drag
 * pans, buttons zoom and fit. A click on a node calls `onOpen` (a group: `onExpand`). Once drawn,
 * the nodes' positions on screen and the labels shown are written to `data-positions` and
 * `data-labels`, so tests can click a node as a person would.
 */
export function GraphCanvas(props: {
  nodes: GraphNode[];
  links: GraphLink[];
  centre?: string;
  /** ring: the centre amid its neighbours; force: a force-directed layout; line: left to right. */
  layout: 'ring' | 'force' | 'line';
  onOpen: (slug: string) => void;
  onExpand?: (group: string) => void;
  /** A node to bring into view and mark (find-a-node). */
  focus?: string;
  height?: number;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const core = useRef<Core>();
  const [failure, setFailure] = useState<Error>();
  const [ready, setReady] = useState(false);
  const handlers = useRef({ open: props.onOpen, expand: props.onExpand });
  handlers.current = { open: props.onOpen, expand: props.onExpand };

  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    let frame = 0;
    setReady(false);
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        const element = container.current;
        if (cancelled || !element) return;
        const degree = new Map<string, number>();
        for (const l of props.links) {
          degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
          degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
        }
        const start = ringPositions(props.nodes, props.links, props.centre);
        const elements: ElementDefinition[] = [
          ...props.nodes.map((n, i) => ({
            data: {
              id: n.slug,
              name: n.name,
              colour: kindColour(n.kind),
              shape: KIND_SHAPES[n.kind],
              priority:
                (n.slug === props.centre ? 1000 : 0) +
                (degree.get(n.slug) ?? 0) +
                (n.members ? 5 : 0),
            },
            classes: [n.slug === props.centre ? 'centre' : '', n.members ? 'group' : '']
              .join(' ')
              .trim(),
            position:
              props.layout === 'line'
                ? { x: i * 220, y: (i % 2) * 60 }
                : { ...(start.get(n.slug) ?? { x: 0, y: 0 }) },
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
                  randomize: false,
                  fit: true,
                  padding: 30,
                  nodeRepulsion: () => 200_000,
                  idealEdgeLength: () => 110,
                  gravity: 0.4,
                  // Started from rings around the centre, it settles in few rounds.
                  numIter: 300,
                };
        // Few links: each labelled; many: a node's links are labelled while it is hovered.
        const labelAll = props.links.length <= 16;
        cy = cytoscape({
          container: element,
          elements,
          layout,
          minZoom: 0.1,
          maxZoom: 6,
          // cytoscape's default moves about 4 % a wheel notch: a notch here zooms about 20 %.
          wheelSensitivity: 4,
          style: [
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
          ],
        });
        const graph = cy;
        core.current = graph;
        // Labels keep their size on screen, and only those that fit are shown.
        const relabel = () => {
          frame = 0;
          const zoom = graph.zoom();
          graph.batch(() => {
            graph.nodes().style('font-size', LABEL_PX / zoom);
            graph.edges().style('font-size', EDGE_LABEL_PX / zoom);
            const extent = { w: graph.width(), h: graph.height() };
            const candidates = graph
              .nodes()
              .map((n: NodeSingular) => {
                const at = n.renderedPosition();
                const name = String(n.data('name'));
                const width = Math.min(150, name.length * LABEL_PX * 0.55) + 4;
                return {
                  id: n.id(),
                  x: at.x,
                  y: at.y + n.renderedHeight() / 2 + 4 + LABEL_PX / 2,
                  width,
                  height: LABEL_PX + 4,
                  // A node found by name keeps its label whatever it would overlap.
                  priority: Number(n.data('priority')) + (n.hasClass('found') ? 10_000 : 0),
                };
              })
              .filter((c) => c.x > -50 && c.y > -20 && c.x < extent.w + 50 && c.y < extent.h + 20);
            const shown = placeLabels(candidates);
            graph.nodes().forEach((n) => {
              if (shown.has(n.id())) n.addClass('labelled');
              else n.removeClass('labelled');
            });
            element.dataset.labels = JSON.stringify(
              graph
                .nodes()
                .filter((n) => shown.has(n.id()))
                .map((n) => n.data('name')),
            );
            element.dataset.zoom = zoom.toFixed(3);
          });
        };
        graph.on('zoom pan', () => {
          if (!frame) frame = requestAnimationFrame(relabel);
        });
        graph.on('tap', 'node', (event) => {
          const target = event.target as NodeSingular;
          if (target.hasClass('group')) handlers.current.expand?.(target.id());
          else handlers.current.open(target.id());
        });
        graph.on('mouseover', 'node', (event) => {
          element.style.setProperty('cursor', 'pointer');
          event.target.addClass('lit').connectedEdges().addClass('lit');
        });
        graph.on('mouseout', 'node', (event) => {
          element.style.removeProperty('cursor');
          event.target.removeClass('lit').connectedEdges().removeClass('lit');
        });
        relabel();
        const positions = Object.fromEntries(
          graph.nodes().map((n) => [n.id(), n.renderedPosition()] as const),
        );
        element.dataset.positions = JSON.stringify(positions);
        setReady(true);
      })
      .catch((error: Error) => setFailure(error));
    return () => {
      cancelled = true;
      if (frame) cancelAnimationFrame(frame);
      core.current = undefined;
      cy?.destroy();
    };
  }, [props.nodes, props.links, props.centre, props.layout]);

  // Find-a-node: bring it to the middle at a readable zoom, marked.
  useEffect(() => {
    const cy = core.current;
    if (!ready || !cy || !props.focus) return;
    const node = cy.getElementById(props.focus);
    if (node.empty()) return;
    cy.nodes().removeClass('found');
    node.addClass('found');
    cy.zoom({ level: Math.max(cy.zoom(), 1.2), position: node.position() });
    cy.center(node);
    cy.emit('pan');
  }, [ready, props.focus]);

  const zoomBy = (factor: number) => {
    const cy = core.current;
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  };

  if (failure) return <ErrorBox error={failure} />;
  return (
    <div class="graph-wrap">
      {!ready && <Loading what="Drawing" />}
      <div class="graph-tools" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => core.current?.fit(undefined, 30)}>
          Fit
        </button>
      </div>
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
