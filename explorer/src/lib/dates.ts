/** A date as the API gives it: its own precision and the first and last day it may mean. */
export interface DateRange {
  value: string;
  precision: string;
  start: string;
  end: string;
  approximate?: boolean;
  asWritten?: string | null;
}

/** A span of time in milliseconds since the epoch, `end` exclusive (the day after the last day). */
export interface Span {
  start: number;
  end: number;
}

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS: Record<string, string> = {
  early: 'early',
  spring: 'spring',
  summer: 'summer',
  fall: 'autumn',
  autumn: 'autumn',
  late: 'late',
  winter: 'winter',
};

/** Milliseconds of an ISO day (`YYYY-MM-DD`) at 00:00 UTC. */
export function dayMs(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not a day (YYYY-MM-DD)`);
  return ms;
}

/** The whole days a partial date may mean: "1948" spans the year, "1948-05-18" one day. */
export function spanOf(date: Pick<DateRange, 'start' | 'end'>): Span {
  return { start: dayMs(date.start), end: dayMs(date.end) + DAY };
}

/** The time from one date to another (periods are half-open: `to` is the first day after). */
export function periodSpan(
  from: Pick<DateRange, 'start'> | null | undefined,
  to: Pick<DateRange, 'start'> | null | undefined,
  now: number,
): Span | null {
  if (!from) return null;
  return { start: dayMs(from.start), end: to ? dayMs(to.start) : now };
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-([a-z]+))?$/;

/** One end of a date, "1948", "1948-05", "1948-05-18" or "2015-fall", as a reader writes it. */
function formatSingle(text: string): string | null {
  const match = SINGLE.exec(text);
  if (!match) return null;
  const [, year, month, day, season] = match;
  if (season) return SEASONS[season] ? `${SEASONS[season]} ${year}` : null;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (month && !monthName) return null;
  if (day) return `${Number(day)} ${monthName} ${year}`;
  return monthName ? `${monthName} ${year}` : (year as string);
}

/**
 * A date as a reader writes it, at its precision: "18 May 1948", "May 1948", "1948", "autumn
 * 2015", a span "Jan – Sep 2019"; a value of another form falls back to its first and last day.
 */
export function formatDate(date: DateRange): string {
  const value = date.value.replace(/^~/, '');
  const [fromText, toText] = value.split('/');
  let text: string | null;
  if (toText === undefined) text = formatSingle(value);
  else {
    const from = formatSingle((fromText ?? '').replace(/^~/, ''));
    const to = formatSingle(toText.replace(/^~/, ''));
    text = from && to ? joinSpan(from, to) : null;
  }
  if (!text) text = date.start === date.end ? date.start : `${date.start} – ${date.end}`;
  return date.approximate ? `c. ${text}` : text;
}

/** "Jan 2019" and "Sep 2019" → "Jan – Sep 2019": a year shared by both ends is written once. */
function joinSpan(from: string, to: string): string {
  const fromYear = from.slice(-4);
  if (from.length > 4 && fromYear === to.slice(-4) && !/^\d{4}$/.test(to))
    return `${from.slice(0, -5)} – ${to}`;
  return `${from} – ${to}`;
}

/** "18 May 1948 – 1987", or "from 1991" for a period still holding. */
export function formatPeriod(from?: DateRange | null, to?: DateRange | null): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return 'undated';
}

/** ISO day of a timestamp. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
