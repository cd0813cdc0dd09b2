import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { Link, useSearchParams } from 'wouter-preact';
import { DateText, EntityLink } from '../components/bits.tsx';
import { EntityName } from '../components/entity-name.tsx';
import { EntityPicker } from '../components/entity-picker.tsx';
import { useTitle } from '../components/hooks.ts';
import { KindFilter, kindsIn, withKinds } from '../components/kind-filter.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import type { EntityKind, TimelineQuery as TimelineResult } from '../gql/graphql.ts';
import { formatDate, spanOf } from '../lib/dates.ts';
import { kindColour } from '../lib/kinds.ts';
import { extent, packLanes, yearTicks } from '../lib/lanes.ts';
import { TimelineQuery } from '../queries/timeline.ts';

/** Kinds that have a date of their own, as the timeline places them. */
const DATED_KINDS: EntityKind[] = [
  'EVENT',
  'INCIDENT',
  'TREATY',
  'UN_RESOLUTION',
  'CONFLICT',
  'STATUS_PERIOD',
  'FIGURE',
];
const DEFAULT_KINDS: EntityKind[] = ['EVENT', 'INCIDENT', 'TREATY', 'UN_RESOLUTION'];
const YEAR = /^\d{4}$/;

type Item = TimelineResult['timeline']['edges'][number];

/** Dated items drawn as spans (a year is a year wide), filtered by kind, entity and years, all in the URL. */
export function TimelineView() {
  const [params, setParams] = useSearchParams();
  const chosen = kindsIn(params);
  const kinds = chosen.length ? chosen : DEFAULT_KINDS;
  const involving = params.getAll('involving');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  useTitle('Timeline');
  const [result, reexecute] = useQuery({
    query: TimelineQuery,
    variables: {
      kinds,
      involving: involving.length ? involving : undefined,
      from: YEAR.test(from) ? from : undefined,
      to: YEAR.test(to) ? to : undefined,
      first: 100,
    },
  });
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };

  return (
    <section class="timeline-view">
      <header class="view-head">
        <h1>Timeline</h1>
      </header>
      <div class="filters">
        <KindFilter
          legend="Kinds"
          kinds={DATED_KINDS}
          chosen={kinds}
          onChange={(chosen) =>
            setParams(withKinds(params, chosen.length ? chosen : DEFAULT_KINDS))
          }
        />
        <div class="filter-row">
          <EntityPicker
            id="involving"
            label="Involving"
            onPick={(e) => update((next) => next.append('involving', e.slug))}
          />
          {involving.map((slug) => (
            <button
              type="button"
              class="chip-remove"
              key={slug}
              title="Remove this filter"
              onClick={() =>
                update((next) => {
                  next.delete('involving');
                  for (const s of involving) if (s !== slug) next.append('involving', s);
                })
              }
            >
              <EntityName slug={slug} /> <span aria-hidden="true">×</span>
            </button>
          ))}
          <YearParam label="From year" name="from" value={from} update={update} />
          <YearParam label="To year" name="to" value={to} update={update} />
        </div>
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={reexecute} />
      ) : !result.data ? (
        <Loading what="Loading the timeline" />
      ) : result.data.timeline.edges.length === 0 ? (
        <Empty>
          <p>
            Nothing dated matches these filters. <Link href="/timeline">Clear them</Link>.
          </p>
        </Empty>
      ) : (
        <>
          <p class="muted">
            {result.data.timeline.totalCount} items
            {result.data.timeline.totalCount > result.data.timeline.edges.length &&
              `; the first ${result.data.timeline.edges.length} are drawn (narrow the years to see the rest)`}
            . A bar covers every day its date may mean: a year-long bar is a date known to the year.
          </p>
          <Chart items={result.data.timeline.edges} />
          <ol class="timeline-list">
            {result.data.timeline.edges.map((e) => (
              <li key={e.node.slug}>
                <DateText date={e.date} /> <EntityLink {...e.node} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The items as bars on lanes under a year axis. */
function Chart({ items }: { items: Item[] }) {
  const layout = useMemo(() => {
    const spans = items.flatMap((e) => (e.date ? [{ item: e, span: spanOf(e.date) }] : []));
    const range = extent(spans.map((s) => s.span));
    if (!range) return null;
    // A label is drawn at most about a quarter of the chart wide (longer ones are cut with …).
    const { placed, lanes } = packLanes(spans, range, (range.end - range.start) / 4.2);
    return { range, placed, lanes };
  }, [items]);
  if (!layout) return null;
  const { range, placed, lanes } = layout;
  const x = (ms: number) => ((ms - range.start) / (range.end - range.start)) * 100;
  return (
    <div class="chart" style={{ height: `${lanes * 24 + 34}px` }}>
      {yearTicks(range).map((year) => (
        <div class="tick" key={year} style={{ left: `${x(Date.UTC(year, 0, 1))}%` }}>
          <span>{year}</span>
        </div>
      ))}
      {placed.map(({ item, span, lane, labelBefore }) => (
        <Link
          key={item.node.slug}
          href={`/entity/${item.node.slug}`}
          class={labelBefore ? 'bar before' : 'bar'}
          title={`${item.node.name} — ${item.date ? formatDate(item.date) : ''}`}
          style={{
            ...(labelBefore ? { right: `${100 - x(span.end)}%` } : { left: `${x(span.start)}%` }),
            top: `${lane * 24 + 28}px`,
            '--width': `${Math.max(x(span.end) - x(span.start), 0)}cqw`,
            '--kind': kindColour(item.node.kind),
          }}
        >
          <span class="span" />
          <span class="label">{item.node.name}</span>
        </Link>
      ))}
    </div>
  );
}

/** A year bound of the timeline, kept in the address under `name` (none when emptied). */
function YearParam(props: {
  label: string;
  name: string;
  value: string;
  update: (change: (next: URLSearchParams) => void) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min="1000"
        max="2999"
        value={props.value}
        placeholder="any"
        onChange={(e) => {
          const year = e.currentTarget.value;
          props.update((next) => (year ? next.set(props.name, year) : next.delete(props.name)));
        }}
      />
    </label>
  );
}
