/**
 * Dates as the documents write them: a year, a month, a day, a season or part of a year, or a span
 * between two of them, possibly approximate. Each keeps its precision and maps to the range of days
 * it may mean.
 */
export type DatePrecision = 'day' | 'month' | 'season' | 'year' | 'range';

export interface PartialDate {
  /** Normalised form, e.g. `1953-02`, `2015-fall`, `~1948-05-25`, `2019-01/2019-09`. */
  value: string;
  precision: DatePrecision;
  approximate: boolean;
  /** First day the date may mean (ISO `YYYY-MM-DD`). */
  start: string;
  /** Last day the date may mean (ISO `YYYY-MM-DD`). */
  end: string;
}

const SEASONS: Record<string, [number, number]> = {
  early: [1, 4],
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
  late: [9, 12],
  winter: [12, 14],
};

const PATTERN =
  /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(early|spring|summer|fall|autumn|late|winter))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Last day of the month `month` counted from January of `year` (13 = January of the next year). */
function endOfMonth(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return iso(y, m, daysInMonth(y, m));
}

/** The accepted forms, for error messages. */
export const PARTIAL_DATE_FORMS =
  'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-(early|spring|summer|fall|autumn|late|winter), optionally prefixed by ~ for "about", or a span FROM/TO of two of these ("2019-01/2019-09": some time from the first to the last)';

/** Parses a date as written in a source file; returns an error message when it is not one. */
export function parsePartialDate(text: string): PartialDate | string {
  const [fromText, toText, ...rest] = text.trim().split('/');
  if (toText === undefined) return parseSingle(text);
  if (rest.length > 0 || fromText === undefined)
    return `"${text}" is not a date: expected ${PARTIAL_DATE_FORMS}`;
  // A span "from/to": the thing falls some time within it; "~" in front makes both ends approximate.
  const approximate = fromText.startsWith('~');
  const from = parseSingle(approximate ? fromText.slice(1) : fromText);
  if (typeof from === 'string') return from;
  const to = parseSingle(toText);
  if (typeof to === 'string') return to;
  if (to.end < from.start) return `"${text}" ends before it begins`;
  return {
    value: text.trim(),
    precision: 'range',
    approximate: approximate || to.approximate,
    start: from.start,
    end: to.end,
  };
}

function parseSingle(text: string): PartialDate | string {
  const match = PATTERN.exec(text.trim());
  if (!match) return `"${text}" is not a date: expected ${PARTIAL_DATE_FORMS}`;
  const [, tilde, yearText, monthText, dayText, season] = match;
  const year = Number(yearText);
  const approximate = tilde === '~';
  const value = text.trim();
  if (season) {
    const [from, to] = SEASONS[season] as [number, number];
    return {
      value,
      precision: 'season',
      approximate,
      start: iso(year, from, 1),
      end: endOfMonth(year, to),
    };
  }
  if (!monthText) {
    return {
      value,
      precision: 'year',
      approximate,
      start: iso(year, 1, 1),
      end: iso(year, 12, 31),
    };
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return `"${text}" has no month ${monthText}`;
  if (!dayText) {
    return {
      value,
      precision: 'month',
      approximate,
      start: iso(year, month, 1),
      end: endOfMonth(year, month),
    };
  }
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month))
    return `"${text}" has no day ${dayText} in that month`;
  const at = iso(year, month, day);
  return { value, precision: 'day', approximate, start: at, end: at };
}
