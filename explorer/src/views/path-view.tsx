import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { DateText, EntityLink } from '../components/bits.tsx';
import { Citations } from '../components/citations.tsx';
import { EntityName, useEntityName } from '../components/entity-name.tsx';
import { EntityPicker } from '../components/entity-picker.tsx';
import { GraphCanvas } from '../components/graph-canvas.tsx';
import { useTitle } from '../components/hooks.ts';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import { humanize } from '../lib/link-groups.ts';
import { linkPhrase } from '../lib/link-phrases.ts';
import { count } from '../lib/words.ts';
import { PathQuery } from '../queries/path.ts';

/** The shortest chain of links between two entities, drawn left to right, each link with its sources. */
export function PathView({ from, to }: { from?: string; to?: string }) {
  const [, navigate] = useLocation();
  const fromName = useEntityName(from);
  const toName = useEntityName(to);
  useTitle(from && to ? `${fromName ?? from} → ${toName ?? to}` : 'Path');
  const go = (x?: string, y?: string) => navigate(`/path/${[x, y].filter(Boolean).join('/')}`);
  return (
    <section class="path-view">
      <header class="view-head">
        <h1>Path</h1>
        <div class="filter-row">
          <EntityPicker id="path-from" label="From" value={from} onPick={(e) => go(e.slug, to)} />
          <EntityPicker id="path-to" label="to" value={to} onPick={(e) => go(from, e.slug)} />
        </div>
      </header>
      {from && to ? (
        <PathBody from={from} to={to} />
      ) : (
        <Empty>Choose two entities to see how they connect.</Empty>
      )}
    </section>
  );
}

function PathBody({ from, to }: { from: string; to: string }) {
  const [, navigate] = useLocation();
  const [result, reexecute] = useQuery({ query: PathQuery, variables: { from, to, maxHops: 6 } });
  const path = result.data?.path;
  const links = useMemo(
    () =>
      (path?.edges ?? []).map((e, i) => ({
        id: `${i}`,
        source: e.from,
        target: e.to,
        label: humanize(e.type) + (e.role ? ` (${e.role})` : ''),
      })),
    [path],
  );
  const nodes = useMemo(() => path?.nodes ?? [], [path]);
  if (isNotFound(result.error)) return <Empty>{result.error?.graphQLErrors[0]?.message}</Empty>;
  if (result.error) return <ErrorBox error={result.error} retry={reexecute} />;
  if (!result.data) return <Loading what="Finding a path" />;
  if (!path)
    return (
      <Empty>
        No path of up to 6 links joins <EntityName slug={from} /> and <EntityName slug={to} />.
      </Empty>
    );
  return (
    <>
      <p>
        {count(path.length, 'link')} from <strong>{nodes[0]?.name}</strong> to{' '}
        <strong>{nodes[nodes.length - 1]?.name}</strong>.
      </p>
      <GraphCanvas
        nodes={nodes}
        links={links}
        layout="line"
        centre={from}
        height={260}
        label={`Path from ${nodes[0]?.name} to ${nodes[nodes.length - 1]?.name}`}
        onOpen={(slug) => navigate(`/entity/${slug}`)}
      />
      <ol class="path-steps">
        {path.edges.map((edge, i) => {
          const a = nodes[i];
          const b = nodes[i + 1];
          return (
            <li key={`${edge.from}-${edge.to}-${edge.type}`}>
              {a && <EntityLink {...a} />}{' '}
              <span class="link-type">
                {linkPhrase(edge.type, edge.from === a?.slug ? 'OUTGOING' : 'INCOMING')}
              </span>{' '}
              {b && <EntityLink {...b} />}
              {edge.date && (
                <>
                  {' '}
                  · <DateText date={edge.date} />
                </>
              )}
              <Citations citations={edge.citations} />
            </li>
          );
        })}
      </ol>
    </>
  );
}
