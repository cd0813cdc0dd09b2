import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type GraphLayout,
  type GraphLink,
  type GraphNode,
  graphElements,
  graphLayout,
  graphStyle,
} from '../lib/graph-drawing.ts';
import { ErrorBox, Loading } from './states.tsx';

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
  layout: GraphLayout;
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
        cy = cytoscape({
          container: element,
          elements: graphElements(props),
          layout: graphLayout(props.layout, props.centre),
          minZoom: 0.3,
          maxZoom: 2.5,
          wheelSensitivity: 0.3,
          style: graphStyle(props.links.length),
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
