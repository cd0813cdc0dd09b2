import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { Link, useLocation, useSearchParams } from 'wouter-preact';
import { EntityLink } from '../components/bits.tsx';
import { useEntityName } from '../components/entity-name.tsx';
import { GraphCanvas } from '../components/graph-canvas.tsx';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import { KINDS, kindColour, kindLabel } from '../lib/kinds.ts';
import { humanize } from '../lib/link-groups.ts';
import { count } from '../lib/words.ts';
import { NeighborhoodQuery } from '../queries/graph.ts';

const MAX_DEPTH = 3;

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

function Legend() {
  return (
    <ul class="legend" aria-label="Colours by kind">
      {KINDS.map((kind) => (
        <li key={kind}>
          <span class="dot" style={{ background: kindColour(kind) }} /> {kindLabel(kind)}
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
  if (isNotFound(result.error)) return <Empty>No entity “{slug}”.</Empty>;
  if (result.error)
    return (
      <ErrorBox error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!result.data) return <Loading what="Loading the neighbourhood" />;
  if (!hood) return <Empty>No entity “{slug}”.</Empty>;
  if (nodes.length <= 1) return <Empty>This entity has no links yet.</Empty>;
  return (
    <div class="neighbourhood">
      <GraphCanvas
        nodes={nodes}
        links={links}
        centre={hood.center.slug}
        layout={nodes.length <= 16 ? 'ring' : 'force'}
        height={height}
        label={`Graph of the ${count(nodes.length, 'entity', 'entities')} within ${count(depth, 'link')} of ${hood.center.name}`}
        onOpen={(target) => navigate(`/entity/${target}`)}
      />
      <p class="muted small">
        {count(nodes.length, 'entity', 'entities')}, {count(links.length, 'link')}
        {hood.truncated && ' (the nearest only: more are within reach)'}. Click a node to open it.
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
