import * as chrono from 'chrono-node';
import { findDates, MONTHS } from '../find-dates.ts';
import type { DatePrecision } from '../partial-date.ts';
import { count } from './number-words.ts';
import { passage, type Quoted } from './quoted.ts';

/** A date the text writes, as a source file would hold it. */
export interface DateProposal extends Quoted {
  /** `2022-05-02`, `2019-01/2019-09`, `~2022-05-09`: the form of a source file's date. */
  value: string;
  precision: DatePrecision;
  /** The words, when they and not a number give the date ("In April", "about a week later"). */
  asWritten?: string;
  /** The earlier passage that gives the year (a dateline, an earlier sentence), to cite as context. */
  anchor?: Quoted;
}

/** Which parser finds the dates: the house patterns, chrono-node, or chrono-node then the patterns. */
export type DateParser = 'patterns' | 'chrono' | 'both';

interface Found {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** A span or approximate value worked out from the words, not from the anchor. */
  value?: string;
  precision: DatePrecision;
  words?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "the first nine months of 2019", "the first half of 2020": a span of the year's months. */
const FIRST_MONTHS =
  /\b(?:the )?first (\w+) months of (\d{4})\b|\b(?:the )?first half of (\d{4})\b/g;
/** "about a week later", "two days later": relative to the date before. */
const LATER =
  /\b(about |some |nearly )?(a|one|two|three|four|five|six|\d+) (day|week|month)s? (later|earlier)\b/gi;

function spans(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(FIRST_MONTHS)) {
    const months = m[3] ? 6 : count(m[1] ?? '');
    const year = Number(m[2] ?? m[3]);
    if (months < 1 || months > 12) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: `${year}-01/${year}-${pad(months)}`,
      precision: 'range',
      year,
    });
  }
  for (const m of text.matchAll(LATER))
    found.push({ start: m.index, end: m.index + m[0].length, precision: 'range', words: true });
  return found;
}

function byPatterns(text: string): Found[] {
  const found: Found[] = [];
  let from = 0;
  for (const d of findDates(text)) {
    const start = text.indexOf(d.text, from);
    from = start + d.text.length;
    const month = MONTHS.findIndex((m) => d.text.includes(m)) + 1;
    const day = /\b(\d{1,2})\b/.exec(d.text.replace(/\d{4}/, ''))?.[1];
    const year = /\d{4}/.exec(d.text)?.[0];
    found.push({
      start,
      end: from,
      year: year ? Number(year) : undefined,
      month: month > 0 ? month : undefined,
      day: d.precision === 'day' && day ? Number(day) : undefined,
      precision: d.precision,
      value: d.precision === 'season' ? (d.value ?? undefined) : undefined,
    });
  }
  return found;
}

const CASUAL = /^(?:today|tonight|yesterday|tomorrow)$/i;
const WEEKDAY =
  /^(?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;

function byChrono(text: string): Found[] {
  const found: Found[] = [];
  for (const r of chrono.parse(text)) {
    const known = (c: 'year' | 'month' | 'day') =>
      r.start.isCertain(c) ? (r.start.get(c) ?? undefined) : undefined;
    const [year, month, day] = [known('year'), known('month'), known('day')];
    // A time of day, "now", "today": no date a source file would hold.
    // "today" in a dispatch is its dateline's day, never the day the draft is made.
    if (CASUAL.test(r.text)) {
      found.push({ start: r.index, end: r.index + r.text.length, precision: 'day', words: true });
      continue;
    }
    if (year === undefined && month === undefined && !WEEKDAY.test(r.text)) continue;
    if (WEEKDAY.test(r.text)) {
      found.push({ start: r.index, end: r.index + r.text.length, precision: 'day', words: true });
      continue;
    }
    found.push({
      start: r.index,
      end: r.index + r.text.length,
      year,
      month,
      day,
      precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
    });
  }
  return found;
}

/**
 * Every date the text writes, in text order. A date without a year takes it from the nearest
 * earlier date that has one (the dateline's date, an earlier sentence), cited as its anchor; a
 * relative date ("about a week later") is counted from that earlier date.
 */
export function proposeDates(text: string, parser: DateParser = 'both'): DateProposal[] {
  const taken: Found[] = [];
  const add = (list: Found[]) => {
    for (const f of list) if (!taken.some((t) => f.start < t.end && t.start < f.end)) taken.push(f);
  };
  add(spans(text));
  if (parser !== 'patterns') add(byChrono(text));
  if (parser !== 'chrono') add(byPatterns(text));
  // A bare year inside a longer year-less date ("April 2" then "2022") is part of the same date.
  taken.sort((a, b) => a.start - b.start);
  const proposals: DateProposal[] = [];
  let anchor: { found: Found; date: Date } | undefined;
  // The dispatch's date: a full date at its head (the dateline's line, a date line).
  const head = taken.find(
    (f) => f.year !== undefined && f.day !== undefined && !f.words && f.start < 200,
  );
  const published =
    head && new Date(Date.UTC(head.year ?? 0, (head.month ?? 1) - 1, head.day ?? 1));
  for (const f of taken) {
    const quoted = passage(text, f.start, f.end);
    const sharp = f.year !== undefined;
    if (f.value && !f.words) {
      // A span's months are held by its words, not by month names.
      const asWritten = f.precision === 'range' ? { asWritten: quoted.quote } : {};
      proposals.push({ ...quoted, value: f.value, precision: f.precision, ...asWritten });
    } else if (sharp && !f.words) {
      const value = [String(f.year), f.month && pad(f.month), f.month && f.day && pad(f.day)]
        .filter(Boolean)
        .join('-');
      proposals.push({ ...quoted, value, precision: f.precision });
    } else if (anchor) {
      const from = passage(text, anchor.found.start, anchor.found.end);
      const at = anchor.date;
      if (f.words && f.precision === 'range') {
        proposals.push({
          ...quoted,
          ...relative(quoted.quote, at),
          asWritten: quoted.quote,
          anchor: from,
        });
      } else if (f.words && !published) {
        // "today", "on Tuesday" count from the day of publication, never from a date it reports.
        continue;
      } else if (f.words) {
        const at = published as Date;
        const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[
          quoted.quote.toLowerCase()
        ];
        const day =
          shift === undefined
            ? weekdayBefore(at, quoted.quote)
            : new Date(at.getTime() + shift * DAY);
        proposals.push({
          ...quoted,
          value: iso(day),
          precision: 'day',
          asWritten: quoted.quote,
          anchor: from,
        });
      } else {
        const value = [
          String(at.getUTCFullYear()),
          f.month && pad(f.month),
          f.month && f.day && pad(f.day),
        ]
          .filter(Boolean)
          .join('-');
        proposals.push({
          ...quoted,
          value,
          precision: f.precision,
          asWritten: quoted.quote,
          anchor: from,
        });
      }
    }
    if (sharp && !f.words) {
      anchor = { found: f, date: new Date(Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1)) };
    }
  }
  return proposals;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

/** "about a week later" from a date: the span of days it may mean, approximate when "about". */
function relative(words: string, from: Date): { value: string; precision: DatePrecision } {
  const m = new RegExp(LATER.source, 'i').exec(words);
  const n = count(m?.[2] === 'a' ? 'one' : (m?.[2] ?? 'one'));
  const unit = m?.[3]?.toLowerCase() === 'week' ? 7 : m?.[3]?.toLowerCase() === 'month' ? 30 : 1;
  const sign = m?.[4]?.toLowerCase() === 'earlier' ? -1 : 1;
  const middle = from.getTime() + sign * n * unit * DAY;
  const about = m?.[1] !== undefined;
  const slack = about ? Math.max(1, Math.floor((n * unit) / 2)) * DAY : 0;
  const [a, b] = [new Date(middle - slack), new Date(middle + slack)];
  if (!about) return { value: iso(a), precision: 'day' };
  return { value: `~${iso(a)}/${iso(b)}`, precision: 'range' };
}

/** "on Tuesday" in a dispatch: the last such weekday on or before its date. */
function weekdayBefore(at: Date, words: string): Date {
  const names = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  const wanted = names.findIndex((n) => words.toLowerCase().includes(n));
  const back = (at.getUTCDay() - wanted + 7) % 7;
  return new Date(at.getTime() - back * DAY);
}
