import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { layoutSeries } from '../lib/series-chart.ts';
import { RelationSeriesQuery } from '../queries/relation-series.ts';
import { EntityLink } from './bits.tsx';
import { Empty, ErrorBox, Loading } from './states.tsx';

const WIDTH = 800;
const HALF = 60;

/**
 * A relation's cooperation–conflict series as plain SVG: per period, cooperation events as a bar
 * up, conflict events as a bar down, the Goldstein sum as a dot; a click lists the period's events.
 */
export function SeriesChart({ a, b }: { a: string; b: string }) {
  const [result, reexecute] = useQuery({
    query: RelationSeriesQuery,
    variables: { a, b, by: 'MONTH' },
  });
  const [picked, setPicked] = useState<string | null>(null);
  if (result.error)
    return (
      <ErrorBox error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!result.data) return <Loading what="Counting cooperation and conflict" />;
  const series = result.data.bilateralRelation?.series ?? [];
  if (series.length === 0) return <Empty>No coded, dated events between these two.</Empty>;
  const bars = layoutSeries(series, WIDTH);
  const point = series.find((p) => p.period === picked);
  const toggle = (period: string) => setPicked(period === picked ? null : period);
  return (
    <section class="series-section" data-testid="series">
      <h3>
        Cooperation and conflict{' '}
        <span class="muted">(CAMEO-coded events per month; dot: Goldstein sum)</span>
      </h3>
      <svg
        class="series-chart"
        viewBox={`0 0 ${WIDTH} ${HALF * 2 + 20}`}
        role="img"
        aria-label="Cooperation and conflict events over time"
      >
        <line x1={0} x2={WIDTH} y1={HALF} y2={HALF} class="zero" />
        {bars.map((bar, i) => {
          const p = series[i];
          if (!p) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no button; role and keys make one
            <g
              key={bar.period}
              class={`series-point${bar.period === picked ? ' picked' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={`${p.period}: list its events`}
              onClick={() => toggle(bar.period)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && toggle(bar.period)}
            >
              <title>
                {`${p.period}: ${p.cooperation} cooperation, ${p.conflict} conflict, Goldstein ${p.goldstein}`}
              </title>
              <rect
                x={bar.x}
                width={bar.width}
                y={HALF - bar.up * HALF}
                height={bar.up * HALF}
                class="coop"
              />
              <rect
                x={bar.x}
                width={bar.width}
                y={HALF}
                height={bar.down * HALF}
                class="conflict"
              />
              <circle
                cx={bar.x + bar.width / 2}
                cy={HALF - bar.weight * HALF}
                r={3}
                class="weight"
              />
            </g>
          );
        })}
        <text x={0} y={HALF * 2 + 16} class="axis">
          {series[0]?.period}
        </text>
        <text x={WIDTH} y={HALF * 2 + 16} class="axis" text-anchor="end">
          {series.at(-1)?.period}
        </text>
      </svg>
      {point && (
        <div class="series-events">
          <p>
            {point.period}: {point.count} event(s), Goldstein sum {point.goldstein}
          </p>
          <ul>
            {point.events.map((e) => (
              <li key={e.slug}>
                <EntityLink slug={e.slug} name={e.name} kind={e.kind} />
                {'cameo' in e && e.cameo && (
                  <span class="muted">
                    {' '}
                    · CAMEO {e.cameo.code} {e.cameo.name} ({e.cameo.goldstein})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
