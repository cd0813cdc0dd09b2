import { CAMEO_CODES, type QuadClass } from './cameo.ts';

/** How a cooperation–conflict series groups events: by year, or by month. */
export type SeriesInterval = 'year' | 'month';

/** What the series needs of an event: its id, CAMEO code and first possible day. */
export interface CodedEvent {
  id: string;
  cameo: string;
  dateStart: string;
  datePrecision: string;
}

/** One point of the series: the events of a period, counted and Goldstein-weighted. */
export interface SeriesPoint<Event extends CodedEvent = CodedEvent> {
  /** `2018` or `2018-09`; by month, an event known only to its year is a point of that year. */
  period: string;
  count: number;
  /** Events of each quad class (1 verbal cooperation … 4 material conflict). */
  quadClasses: Record<QuadClass, number>;
  cooperation: number;
  conflict: number;
  /** The sum of the events' Goldstein weights. */
  goldstein: number;
  events: Event[];
}

const MONTHLY = new Set(['day', 'month']);

/** The period an event falls in; by month, only a date known to the month or day has one. */
function periodOf(event: CodedEvent, by: SeriesInterval): string {
  const year = event.dateStart.slice(0, 4);
  return by === 'month' && MONTHLY.has(event.datePrecision) ? event.dateStart.slice(0, 7) : year;
}

/**
 * Groups coded events into points in period order. A code the codebook does not know is skipped
 * (the import refuses one, so only a graph written by other means can hold it).
 */
export function cooperationSeries<Event extends CodedEvent>(
  events: readonly Event[],
  by: SeriesInterval,
): SeriesPoint<Event>[] {
  const points = new Map<string, SeriesPoint<Event>>();
  for (const event of events) {
    const code = CAMEO_CODES.get(event.cameo);
    if (!code) continue;
    const period = periodOf(event, by);
    let point = points.get(period);
    if (!point) {
      point = {
        period,
        count: 0,
        quadClasses: { 1: 0, 2: 0, 3: 0, 4: 0 },
        cooperation: 0,
        conflict: 0,
        goldstein: 0,
        events: [],
      };
      points.set(period, point);
    }
    point.count += 1;
    point.quadClasses[code.quadClass] += 1;
    if (code.quadClass <= 2) point.cooperation += 1;
    else point.conflict += 1;
    // Rounded to the codebook's one decimal, so sums do not drift (0.1 + 0.2).
    point.goldstein = Math.round((point.goldstein + code.goldstein) * 10) / 10;
    point.events.push(event);
  }
  return [...points.values()].sort((a, b) => a.period.localeCompare(b.period));
}
