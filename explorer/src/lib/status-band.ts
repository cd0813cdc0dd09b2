import { type DateRange, dayMs, periodSpan, type Span } from './dates.ts';

export interface StatusPeriodLike {
  slug: string;
  status: string;
  validFrom?: DateRange | null;
  validTo?: DateRange | null;
}

export interface BandSegment {
  /** The period's slug, or null for a gap the sources say nothing about. */
  slug: string | null;
  status: string | null;
  span: Span;
  /** Left edge and width as fractions of the band. */
  x: number;
  width: number;
}

/**
 * Lays a relation's status periods along a band from the first period's start to `now`: one
 * segment per period, and a gap segment where the sources record no status.
 */
export function layoutStatusBand(
  history: readonly StatusPeriodLike[],
  now: number,
): { range: Span; segments: BandSegment[] } | null {
  const periods = history
    .map((p) => ({ p, span: periodSpan(p.validFrom, p.validTo, now) }))
    .filter((x): x is { p: StatusPeriodLike; span: Span } => x.span !== null)
    .sort((x, y) => x.span.start - y.span.start);
  const first = periods[0];
  if (!first) return null;
  const range = { start: first.span.start, end: Math.max(now, ...periods.map((x) => x.span.end)) };
  const length = range.end - range.start || 1;
  const segment = (slug: string | null, status: string | null, span: Span): BandSegment => ({
    slug,
    status,
    span,
    x: (span.start - range.start) / length,
    width: (span.end - span.start) / length,
  });
  const segments: BandSegment[] = [];
  let cursor = range.start;
  for (const { p, span } of periods) {
    if (span.start > cursor) segments.push(segment(null, null, { start: cursor, end: span.start }));
    segments.push(segment(p.slug, p.status, span));
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < range.end) segments.push(segment(null, null, { start: cursor, end: range.end }));
  return { range, segments };
}

/** Where a day falls on the band, as a fraction (clamped to the band). */
export function bandPosition(range: Span, isoDayText: string): number {
  const x = (dayMs(isoDayText) - range.start) / (range.end - range.start || 1);
  return Math.min(1, Math.max(0, x));
}
