import type { Span } from './dates.ts';

export interface Placed<T> {
  item: T;
  span: Span;
  lane: number;
  /** True when the label is drawn before the bar (near the end of the axis, where it would not fit). */
  labelBefore: boolean;
}

/**
 * Puts bars on the fewest lanes so that no two overlap on a lane, counting the room each label takes
 * (`labelWidth`, in the axis' units) after its bar, or before it when that would run past the
 * axis' end. Greedy by start, the optimum for intervals.
 */
export function packLanes<T>(
  items: readonly { item: T; span: Span }[],
  axis: Span,
  labelWidth = 0,
): { placed: Placed<T>[]; lanes: number } {
  const drawn = items.map(({ item, span }) => {
    const labelBefore = span.end + labelWidth > axis.end;
    const occupied = labelBefore
      ? { start: Math.min(span.start, span.end - labelWidth), end: span.end }
      : { start: span.start, end: Math.max(span.end, span.start + labelWidth) };
    return { item, span, labelBefore, occupied };
  });
  drawn.sort((x, y) => x.occupied.start - y.occupied.start || x.occupied.end - y.occupied.end);
  const laneEnds: number[] = [];
  const placed = drawn.map(({ item, span, labelBefore, occupied }) => {
    let lane = laneEnds.findIndex((end) => end <= occupied.start);
    if (lane === -1) lane = laneEnds.push(occupied.end) - 1;
    else laneEnds[lane] = occupied.end;
    return { item, span, lane, labelBefore };
  });
  return { placed, lanes: laneEnds.length };
}

/** The smallest span holding all of them, padded on each side by `pad` of its length. */
export function extent(spans: readonly Span[], pad = 0.02): Span | null {
  if (spans.length === 0) return null;
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const margin = Math.max((end - start) * pad, 86_400_000);
  return { start: start - margin, end: end + margin };
}

/** Round years between two instants for axis ticks, about `count` of them. */
export function yearTicks(range: Span, count = 8): number[] {
  const first = new Date(range.start).getUTCFullYear();
  const last = new Date(range.end).getUTCFullYear();
  const raw = Math.max(1, (last - first) / count);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => s >= raw) ?? 100;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const ms = Date.UTC(year, 0, 1);
    if (ms >= range.start && ms <= range.end) ticks.push(year);
  }
  return ticks;
}
