/** A point of a cooperation–conflict series, as the chart needs it. */
export interface SeriesPointLike {
  period: string;
  cooperation: number;
  conflict: number;
  goldstein: number;
}

/** A point laid out: its bars (cooperation up, conflict down) and its Goldstein mark. */
export interface SeriesBar {
  period: string;
  x: number;
  width: number;
  /** Heights in chart units above and below the zero line. */
  up: number;
  down: number;
  /** Where the Goldstein sum sits: -1 (the most negative) to 1 (the most positive). */
  weight: number;
}

/**
 * Lays the points out on a time axis of `width` units: each point at its period's place between
 * the first and last year (a year-only point spans its year, a month its month), bars scaled to
 * the largest count, Goldstein sums to the largest magnitude.
 */
export function layoutSeries(points: readonly SeriesPointLike[], width: number): SeriesBar[] {
  if (points.length === 0) return [];
  const time = (period: string, end: boolean) => {
    const [year = 0, month] = period.split('-').map(Number);
    if (month === undefined) return year + (end ? 1 : 0);
    return year + (month - 1 + (end ? 1 : 0)) / 12;
  };
  const first = Math.min(...points.map((p) => time(p.period, false)));
  const last = Math.max(...points.map((p) => time(p.period, true)));
  const span = Math.max(last - first, 1);
  const most = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const heaviest = Math.max(1, ...points.map((p) => Math.abs(p.goldstein)));
  // A bar is at least 3 units wide, so a month in a span of decades stays visible.
  return points.map((p) => {
    const x = ((time(p.period, false) - first) / span) * width;
    const natural = ((time(p.period, true) - time(p.period, false)) / span) * width;
    return {
      period: p.period,
      x,
      width: Math.max(natural, 3),
      up: p.cooperation / most,
      down: p.conflict / most,
      weight: p.goldstein / heaviest,
    };
  });
}
