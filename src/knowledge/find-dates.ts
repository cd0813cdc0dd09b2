import type { DatePrecision } from './partial-date.ts';

/** A date a text writes, with the value a source file would give it. */
export interface FoundDate {
  text: string;
  /** As a source file writes it (`1948-05-18`, `2015-fall`), or null when the text gives no year. */
  value: string | null;
  precision: DatePrecision;
}

/** The month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH = `(${MONTHS.join('|')})`;
const PARTS = '(early|late|spring|summer|fall|autumn|winter)';

const month = (name: string) => String(MONTHS.indexOf(name) + 1).padStart(2, '0');
const day = (n: string) => n.padStart(2, '0');

/** Patterns from the most precise to the least; a match hides what it covers from later ones. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<FoundDate, 'text'>][] = [
  [
    new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'g'),
    (m) => ({ value: `${m[3]}-${month(m[1] ?? '')}-${day(m[2] ?? '')}`, precision: 'day' }),
  ],
  [
    new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g'),
    (m) => ({ value: `${m[3]}-${month(m[2] ?? '')}-${day(m[1] ?? '')}`, precision: 'day' }),
  ],
  [
    new RegExp(`\\b${MONTH} (\\d{1,2})\\b(?!,? \\d{4})`, 'g'),
    () => ({ value: null, precision: 'day' }),
  ],
  [
    new RegExp(`\\b${MONTH},? (?:of )?(\\d{4})\\b`, 'g'),
    (m) => ({ value: `${m[2]}-${month(m[1] ?? '')}`, precision: 'month' }),
  ],
  [
    new RegExp(`\\b${PARTS} (?:of )?(\\d{4})\\b`, 'gi'),
    (m) => ({ value: `${m[2]}-${(m[1] ?? '').toLowerCase()}`, precision: 'season' }),
  ],
  [/\b(1[5-9]\d{2}|20\d{2})\b/g, (m) => ({ value: m[1] ?? '', precision: 'year' })],
];

/** Every date the text writes, in text order, each with the precision it is written with. */
export function findDates(text: string): FoundDate[] {
  const taken: [number, number][] = [];
  const found: (FoundDate & { at: number })[] = [];
  for (const [pattern, read] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      found.push({ at: start, text: m[0], ...read(m as RegExpExecArray) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _, ...date }) => date);
}
