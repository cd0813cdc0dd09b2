import { useQuery } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useLocation, useSearchParams } from 'wouter-preact';
import { DateText, EntityLink } from '../components/bits.tsx';
import { Citations } from '../components/citations.tsx';
import { EntityName, useEntityName } from '../components/entity-name.tsx';
import { EntityPicker } from '../components/entity-picker.tsx';
import { useTitle } from '../components/hooks.ts';
import { SeriesChart } from '../components/series-chart.tsx';
import { Empty, ErrorBox, isNotFound, Loading } from '../components/states.tsx';
import type { RelationQuery as RelationResult } from '../gql/graphql.ts';
import { formatDate, formatPeriod, isoDay } from '../lib/dates.ts';
import { formatFigure } from '../lib/figures.ts';
import { STATUS_COLOURS } from '../lib/kinds.ts';
import { yearTicks } from '../lib/lanes.ts';
import { bandPosition, layoutStatusBand } from '../lib/status-band.ts';
import { RelationQuery, RelationStatusQuery } from '../queries/relation.ts';

type Relation = NonNullable<RelationResult['bilateralRelation']>;
/** The partial dates a day picker can stand for: a year, a month or a day. */
const PARTIAL_DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first day of "1970", "1970-05" or "1970-05-18"; null for anything else. */
function firstDay(value: string): string | null {
  const match = PARTIAL_DAY.exec(value);
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  const iso = `${year}-${month}-${day}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
}

/** Two countries: their diplomatic status over time and as of a day (?asOf=), and what links them. */
export function RelationView({ a, b }: { a?: string; b?: string }) {
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const asOfParam = params.get('asOf') ?? '';
  // ?asOf= as the API takes it (a partial date: "1970" is its first day); the API says what is
  // wrong with any other value, and that is shown instead of today's status.
  const asOf = asOfParam || isoDay(Date.now());
  const nameA = useEntityName(a);
  const nameB = useEntityName(b);
  useTitle(a && b ? `${nameA ?? a} – ${nameB ?? b}` : 'Relation');
  const go = (x?: string, y?: string) =>
    navigate(
      `/relation/${[x, y].filter(Boolean).join('/')}${asOfParam ? `?asOf=${asOfParam}` : ''}`,
    );
  return (
    <section class="relation-view">
      <header class="view-head">
        <h1>Relation</h1>
        <div class="filter-row">
          <EntityPicker
            id="country-a"
            label="Country"
            value={a}
            kinds={['COUNTRY']}
            onPick={(e) => go(e.slug, b)}
          />
          <EntityPicker
            id="country-b"
            label="and"
            value={b}
            kinds={['COUNTRY']}
            onPick={(e) => go(a, e.slug)}
          />
        </div>
      </header>
      {a && b && a === b ? (
        <div class="state error" role="alert">
          <strong>
            <EntityName slug={a} /> twice: choose two different countries.
          </strong>
        </div>
      ) : a && b ? (
        <RelationBody a={a} b={b} asOf={asOf} />
      ) : (
        <Empty>Choose two countries to see their relation over time.</Empty>
      )}
    </section>
  );
}

function RelationBody({ a, b, asOf }: { a: string; b: string; asOf: string }) {
  const [result, reexecute] = useQuery({ query: RelationQuery, variables: { a, b } });
  if (isNotFound(result.error)) {
    return <Empty>{result.error?.graphQLErrors.map((e) => e.message).join(' ')}</Empty>;
  }
  if (result.error) {
    return <ErrorBox error={result.error} retry={reexecute} />;
  }
  if (!result.data) return <Loading what="Loading the relation" />;
  const relation = result.data.bilateralRelation;
  if (!relation)
    return (
      <Empty>
        The graph has no relation between <EntityName slug={a} /> and <EntityName slug={b} />.
      </Empty>
    );
  return (
    <>
      <h2 class="pair">
        <EntityLink slug={relation.a.slug} name={relation.a.name} kind="COUNTRY" /> and{' '}
        <EntityLink slug={relation.b.slug} name={relation.b.name} kind="COUNTRY" />
      </h2>
      <StatusBand relation={relation} asOf={asOf} />
      <StatusAsOf a={a} b={b} asOf={asOf} />
      <SeriesChart a={a} b={b} />
      <div class="columns">
        <List title="Agreements" total={relation.agreements.totalCount}>
          {relation.agreements.edges.map(({ node }) => (
            <li key={node.slug}>
              <DateText date={node.signed} />{' '}
              <EntityLink slug={node.slug} name={node.name} kind="TREATY" />
            </li>
          ))}
        </List>
        <List title="Visits" total={relation.visits.totalCount}>
          {relation.visits.edges.map(({ node }) => (
            <li key={node.slug}>
              <DateText date={node.date} />{' '}
              <EntityLink slug={node.slug} name={node.name} kind="EVENT" />
            </li>
          ))}
        </List>
        <List title="Incidents" total={relation.incidents.totalCount}>
          {relation.incidents.edges.map(({ node }) => (
            <li key={node.slug}>
              <DateText date={node.date} />{' '}
              <EntityLink slug={node.slug} name={node.name} kind="INCIDENT" />
            </li>
          ))}
        </List>
        <List title="Figures" total={relation.figures.totalCount}>
          {relation.figures.edges.map(({ node }) => (
            <li key={node.slug}>
              <EntityLink slug={node.slug} name={node.measure || node.name} kind="FIGURE" />:{' '}
              <strong>{formatFigure(node.value)}</strong> {node.unit}
              {node.period && (
                <>
                  {' '}
                  · <DateText date={node.period} />
                </>
              )}
            </li>
          ))}
        </List>
      </div>
    </>
  );
}

function List({
  title,
  total,
  children,
}: {
  title: string;
  total: number;
  children: ComponentChildren;
}) {
  return (
    <section class="list">
      <h3>
        {title} <span class="muted">({total})</span>
      </h3>
      {total === 0 ? <p class="muted">None recorded.</p> : <ul>{children}</ul>}
    </section>
  );
}

/** The status periods as a coloured band over time; the asOf day marked; a click picks a day. */
function StatusBand({ relation, asOf }: { relation: Relation; asOf: string }) {
  const [params, setParams] = useSearchParams();
  const band = layoutStatusBand(relation.history, Date.now());
  const setAsOf = (day: string) => {
    const next = new URLSearchParams(params);
    next.set('asOf', day);
    setParams(next, { replace: false });
  };
  return (
    <section class="band-section">
      <div class="band-controls">
        <label>
          As of{' '}
          <input
            type="date"
            value={firstDay(asOf) ?? ''}
            onChange={(e) => e.currentTarget.value && setAsOf(e.currentTarget.value)}
          />
        </label>
        <ul class="legend">
          {Object.entries(STATUS_COLOURS).map(([status, colour]) => (
            <li key={status}>
              <span class="swatch" style={{ background: colour }} /> {status.toLowerCase()}
            </li>
          ))}
        </ul>
      </div>
      {!band ? (
        <Empty>The sources record no diplomatic status between these two.</Empty>
      ) : (
        <figure class="band" aria-label="Diplomatic status over time">
          {band.segments.map((s) => (
            <button
              type="button"
              key={`${s.slug}:${s.span.start}`}
              class={`segment${s.status ? '' : ' gap'}`}
              style={{
                left: `${s.x * 100}%`,
                width: `${s.width * 100}%`,
                background: s.status ? STATUS_COLOURS[s.status] : undefined,
              }}
              title={`${s.status ?? 'no recorded status'}: ${isoDay(s.span.start)} to ${isoDay(s.span.end)}`}
              onClick={() => setAsOf(isoDay(s.span.start))}
            >
              {s.width > 0.06 && <span>{s.status?.toLowerCase() ?? ''}</span>}
            </button>
          ))}
          {firstDay(asOf) && (
            <div
              class="marker"
              style={{ left: `${bandPosition(band.range, firstDay(asOf) as string) * 100}%` }}
              title={`As of ${asOf}`}
            />
          )}
          <div class="band-axis">
            {yearTicks(band.range, 10).map((year, i) => (
              <span
                key={year}
                // Every other tick gives way on a narrow screen (styles.css), so years stay apart.
                class={i % 2 === 1 ? 'minor' : undefined}
                style={{ left: `${bandPosition(band.range, `${year}-01-01`) * 100}%` }}
              >
                {year}
              </span>
            ))}
          </div>
        </figure>
      )}
    </section>
  );
}

/** The status on the chosen day, with its period and the quotes that state it. */
function StatusAsOf({ a, b, asOf }: { a: string; b: string; asOf: string }) {
  const [result, reexecute] = useQuery({ query: RelationStatusQuery, variables: { a, b, asOf } });
  if (result.error) return <ErrorBox error={result.error} retry={reexecute} />;
  if (!result.data) return <Loading what="Reading the status" />;
  const status = result.data.bilateralRelation?.status;
  const start = firstDay(asOf) ?? asOf;
  const day = formatDate({ value: asOf, precision: 'DAY', start, end: start });
  if (!status) return <Empty>The sources record no status as of {day}.</Empty>;
  return (
    <section class="status-card" data-testid="status-as-of">
      <p>
        As of {day}: <span class={`status status-${status.status}`}>{status.status}</span>{' '}
        <span class="muted">({formatPeriod(status.validFrom, status.validTo)})</span>{' '}
        <EntityLink slug={status.slug} name="the period" kind="STATUS_PERIOD" />
      </p>
      <Citations citations={status.citations} />
    </section>
  );
}
