import { useQuery } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link, useLocation, useSearchParams } from 'wouter-preact';
import { EntityLink } from '../components/bits.tsx';
import { useEntityName } from '../components/entity-name.tsx';
import { GraphCanvas, type GraphNode } from '../components/graph-canvas.tsx';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import type { EntityKind } from '../gql/graphql.ts';
import { clusterLeaves } from '../lib/graph-layout.ts';
import { KIND_SHAPES, KINDS, kindColour, kindCount, kindLabel } from '../lib/kinds.ts';
import { humanize } from '../lib/link-groups.ts';
import { count } from '../lib/words.ts';
import { NeighborhoodQuery } from '../queries/graph.ts';

const MAX_DEPTH = 3;
/** More nodes than this are grouped: beyond it labels and links cannot be told apart. */
const MAX_DRAWN = 40;

/** The graph of an entity's neighbourhood, its depth in the URL (?depth=2) and growable. */
export function GraphView({ slug }: { slug: string }) {
  const [params, setParams] = useSearchParams();
  const depth = Math.min(MAX_DEPTH, Math.max(1, Number(params.get('depth')) || 1));
  const name = useEntityName(slug);
  useTitle(`Graph of ${name ?? slug}`);
  return (
    <section class="graph-view">
      <header class="view-head">
        <h1>
          Neighbourhood of <Link href={`/entity/${slug}`}>{name ?? '…'}</Link>
        </h1>
        <div class="controls">
          <span>Depth {depth}</span>
          <button
            type="button"
            disabled={depth <= 1}
            onClick={() => setParams({ depth: String(depth - 1) })}
          >
            − Shrink
          </button>
          <button
            type="button"
            disabled={depth >= MAX_DEPTH}
            onClick={() => setParams({ depth: String(depth + 1) })}
          >
            + Grow
          </button>
        </div>
      </header>
      <Legend />
      <Neighbourhood slug={slug} depth={depth} height={640} limit={depth === 1 ? 50 : 120} />
    </section>
  );
}

/** Each node shape of the graph as an SVG polygon in a 12×12 box (see KIND_SHAPES). */
const SHAPE_POINTS: Record<string, string> = {
  'round-triangle': '6,1 11,11 1,11',
  'round-rectangle': '1,2 11,2 11,10 1,10',
  diamond: '6,0 12,6 6,12 0,6',
  star: '6,0 7.8,4.2 12,4.6 8.8,7.4 9.7,12 6,9.6 2.3,12 3.2,7.4 0,4.6 4.2,4.2',
  'round-tag': '1,2 8,2 11,6 8,10 1,10',
  hexagon: '3,1 9,1 12,6 9,11 3,11 0,6',
  'round-pentagon': '6,0 12,4.6 9.7,12 2.3,12 0,4.6',
  vee: '0,1 6,5 12,1 6,12',
  rectangle: '0,2 12,2 12,10 0,10',
  octagon: '4,0 8,0 12,4 12,8 8,12 4,12 0,8 0,4',
  barrel: '2,0 10,0 12,3 12,9 10,12 2,12 0,9 0,3',
};

/** A kind's shape and colour, as the graph draws it. */
function KindShape({ kind }: { kind: EntityKind }) {
  const points = SHAPE_POINTS[KIND_SHAPES[kind]];
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      {points ? (
        <polygon points={points} fill={kindColour(kind)} />
      ) : (
        <circle cx="6" cy="6" r="6" fill={kindColour(kind)} />
      )}
    </svg>
  );
}

function Legend() {
  return (
    <ul class="legend" aria-label="Colours and shapes by kind">
      {KINDS.map((kind) => (
        <li key={kind}>
          <KindShape kind={kind} /> {kindLabel(kind)}
        </li>
      ))}
    </ul>
  );
}

/** An entity's neighbourhood drawn; clicking a node opens that entity's page. */
export function Neighbourhood({
  slug,
  depth,
  height,
  limit,
}: {
  slug: string;
  depth: number;
  height: number;
  /** At most this many entities, the nearest and best connected first. */
  limit: number;
}) {
  const [, navigate] = useLocation();
  const [result, reexecute] = useQuery({
    query: NeighborhoodQuery,
    variables: { id: slug, depth, limit },
  });
  // cytoscape loads while the API answers, not after.
  useEffect(() => void import('cytoscape'), []);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<string>();
  const hood = result.data?.neighborhood;
  const nodes = useMemo(() => hood?.nodes ?? [], [hood]);
  const links = useMemo(
    () =>
      (hood?.edges ?? []).map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: humanize(e.type) + (e.role ? ` (${e.role})` : ''),
      })),
    [hood],
  );
  // What does not fit is grouped ("14 events"); a click on a group opens it.
  const drawn = useMemo(
    () =>
      clusterLeaves(nodes, links, {
        centre: hood?.center.slug,
        max: MAX_DRAWN,
        expanded,
        plural: (kind, n) => kindCount(kind as EntityKind, n),
      }),
    [nodes, links, hood, expanded],
  );
  const find = (name: string) => {
    const node = nodes.find((n) => n.name.toLowerCase() === name.trim().toLowerCase());
    if (!node) return;
    const group = drawn.clusterOf.get(node.slug);
    if (group) setExpanded((open) => new Set([...open, group]));
    setFocus(node.slug);
  };
  if (isNotFound(result.error)) return <Empty>No entity “{slug}”.</Empty>;
  if (result.error) return <ErrorBox error={result.error} retry={reexecute} />;
  if (!result.data) return <Loading what="Loading the neighbourhood" />;
  if (!hood) return <Empty>No entity “{slug}”.</Empty>;
  if (nodes.length <= 1) return <Empty>This entity has no links yet.</Empty>;
  return (
    <div class="neighbourhood">
      <label class="find-node">
        Find in the graph{' '}
        <input
          type="search"
          list={`${slug}-graph-names`}
          placeholder="A name…"
          onChange={(e) => find(e.currentTarget.value)}
        />
        <datalist id={`${slug}-graph-names`}>
          {nodes.map((n) => (
            <option key={n.slug} value={n.name} />
          ))}
        </datalist>
      </label>
      <GraphCanvas
        nodes={drawn.nodes as GraphNode[]}
        links={drawn.links}
        centre={hood.center.slug}
        layout={drawn.nodes.length <= 16 ? 'ring' : 'force'}
        focus={focus}
        onExpand={(group) => setExpanded((open) => new Set([...open, group]))}
        height={height}
        label={`Graph of the ${count(nodes.length, 'entity', 'entities')} within ${count(depth, 'link')} of ${hood.center.name}`}
        onOpen={(target) => navigate(`/entity/${target}`)}
      />
      <p class="muted small">
        {count(nodes.length, 'entity', 'entities')}, {count(links.length, 'link')}
        {hood.truncated && ' (the nearest only: more are within reach)'}. Click a node to open it
        {drawn.clusterOf.size > 0 && ', a group to show what it holds'}; the wheel zooms, a drag
        pans.
      </p>
      <details class="node-list">
        <summary>The entities as a list</summary>
        <ul class="chips">
          {nodes.map((n) => (
            <li key={n.slug}>
              <EntityLink {...n} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
