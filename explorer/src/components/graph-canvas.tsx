import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  EDGE_LABEL_PX,
  type GraphLayout,
  type GraphLink,
  type GraphNode,
  graphElements,
  graphStyle,
  LABEL_PX,
  layoutOptions,
} from '../lib/graph-cytoscape.ts';
import { placeLabels } from '../lib/graph-layout.ts';
import { ErrorBox, Loading } from './states.tsx';

export type { GraphLink, GraphNode } from '../lib/graph-cytoscape.ts';

interface Handlers {
  open: (slug: string) => void;
  expand?: (group: string) => void;
}

/**
 * Labels keep their size on screen, and only those that fit without overlapping are shown (the
 * centre and hubs first, a node found by name always); the labels shown and the zoom are written
 * to the element's `data-labels` and `data-zoom`.
 */
function showLabelsThatFit(graph: Core, element: HTMLElement) {
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
}

/** A click opens a node (expands a group); hovering a node lights it and its links. */
function bindPointer(graph: Core, element: HTMLElement, handlers: { current: Handlers }) {
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
}

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
  layout: GraphLayout;
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
  const handlers = useRef<Handlers>({ open: props.onOpen, expand: props.onExpand });
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
        cy = cytoscape({
          container: element,
          elements: graphElements(props.nodes, props.links, props.layout, props.centre),
          layout: layoutOptions(props.layout, props.centre),
          minZoom: 0.1,
          maxZoom: 6,
          // cytoscape's default moves about 4 % a wheel notch: a notch here zooms about 20 %.
          wheelSensitivity: 4,
          style: graphStyle(props.links.length),
        });
        const graph = cy;
        core.current = graph;
        const relabel = () => {
          frame = 0;
          showLabelsThatFit(graph, element);
        };
        graph.on('zoom pan', () => {
          if (!frame) frame = requestAnimationFrame(relabel);
        });
        bindPointer(graph, element, handlers);
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
