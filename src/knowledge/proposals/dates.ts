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
  /** "the first two weeks of March": the first days of a month whose year comes from the anchor. */
  days?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "the first nine months of 2019", "the first half of 2020": a span of the year's months. */
const FIRST_MONTHS =
  /\b(?:the )?first (\w+) months of (\d{4})\b|\b(?:the )?first half of (\d{4})\b/g;
/** "the first two weeks of March": a span of a month's days. */
const FIRST_WEEKS = new RegExp(
  `\\b(?:the )?first (\\w+) weeks of (${MONTHS.join('|')})(?:,? (\\d{4}))?\\b`,
  'g',
);
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
  for (const m of text.matchAll(FIRST_WEEKS)) {
    const weeks = count(m[1] ?? '');
    if (weeks < 1 || weeks > 4) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      month: MONTHS.indexOf(m[2] ?? '') + 1,
      year: m[3] ? Number(m[3]) : undefined,
      days: weeks * 7,
      precision: 'range',
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
/** "now", "a year earlier", "two years ago": chrono-node dates them from the day it runs. */
const UNANCHORED = /^(?:now|right now)$|\b(?:ago|earlier|later|since)\b/i;
const WEEKDAY =
  /^(?:on |last |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;

function byChrono(text: string): Found[] {
  const found: Found[] = [];
  for (const r of chrono.parse(text)) {
    // "on Thursday," — the comma is the sentence's, not the date's.
    const words = r.text.replace(/[\s,;:.]+$/, '');
    if (UNANCHORED.test(words)) continue;
    const end = r.index + words.length;
    const known = (c: 'year' | 'month' | 'day') =>
      r.start.isCertain(c) ? (r.start.get(c) ?? undefined) : undefined;
    const [year, month, day] = [known('year'), known('month'), known('day')];
    // A time of day, "now", "today": no date a source file would hold.
    // "today" in a dispatch is its dateline's day, never the day the draft is made.
    if (CASUAL.test(words) || WEEKDAY.test(words)) {
      found.push({ start: r.index, end, precision: 'day', words: true });
      continue;
    }
    if (year === undefined && month === undefined) continue;
    found.push({
      start: r.index,
      end,
      year,
      month,
      day,
      precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
    });
  }
  return found;
}

/**
 * Every date the text writes, in text order. A date without a year takes it from the dispatch's
 * dateline (or, without one, the nearest earlier date with a year), cited as its anchor: on or
 * before it when the sentence tells the past, after it when it tells what will be. A relative date
 * ("about a week later") counts from the last dated event before it, not from the date a statement
 * was made ("said on Monday").
 */
export function proposeDates(text: string, parser: DateParser = 'both'): DateProposal[] {
  const taken: Found[] = [];
  const add = (list: Found[]) => {
    for (const f of list) if (!taken.some((t) => f.start < t.end && t.start < f.end)) taken.push(f);
  };
  add(spans(text));
  if (parser !== 'patterns') add(byChrono(text));
  if (parser !== 'chrono') add(byPatterns(text));
  taken.sort((a, b) => a.start - b.start);
  // The dispatch's date: a full date at its head (the dateline's line, a date line).
  const head = taken.find(
    (f) => f.year !== undefined && f.day !== undefined && !f.words && f.start < 200,
  );
  const dateline = head && { quoted: passage(text, head.start, head.end), date: utc(head) };
  const proposals: DateProposal[] = [];
  let lastYear: Anchor | undefined;
  let lastEvent: Anchor | undefined = dateline;
  for (const f of taken) {
    const quoted = passage(text, f.start, f.end);
    let proposal: DateProposal | undefined;
    let day: Date | undefined;
    if (f.value && !f.words) {
      // A span's months are held by its words, not by month names.
      const asWritten = f.precision === 'range' ? { asWritten: quoted.quote } : {};
      proposal = { ...quoted, value: f.value, precision: f.precision, ...asWritten };
    } else if (f.year !== undefined && !f.words) {
      if (f.days) proposal = { ...quoted, ...firstDays(f.year, f.month ?? 1, f.days) };
      else proposal = { ...quoted, value: ymd(f.year, f.month, f.day), precision: f.precision };
      if (f.day !== undefined) day = utc(f);
      lastYear = { quoted, date: utc(f) };
    } else if (f.words && f.precision === 'range') {
      if (lastEvent)
        proposal = {
          ...quoted,
          ...relative(quoted.quote, lastEvent.date),
          asWritten: quoted.quote,
          anchor: lastEvent.quoted,
        };
    } else if (f.words) {
      // "today", "on Tuesday" count from the day of publication, never from a date it reports.
      if (dateline) {
        const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[
          quoted.quote.toLowerCase()
        ];
        day =
          shift === undefined
            ? weekdayBefore(dateline.date, quoted.quote)
            : new Date(dateline.date.getTime() + shift * DAY);
        proposal = {
          ...quoted,
          value: iso(day),
          precision: 'day',
          asWritten: quoted.quote,
          anchor: dateline.quoted,
        };
      }
    } else {
      const anchor = dateline ?? lastYear;
      if (anchor) {
        const year = yearFor(f.month ?? 1, anchor, anchor === dateline && future(text, f.start));
        const words = withPreposition(text, f);
        const value = f.days ? firstDays(year, f.month ?? 1, f.days) : undefined;
        proposal = {
          ...words,
          value: value?.value ?? ymd(year, f.month, f.day),
          precision: value?.precision ?? f.precision,
          asWritten: words.quote,
          anchor: anchor.quoted,
        };
        if (f.day !== undefined) day = new Date(Date.UTC(year, (f.month ?? 1) - 1, f.day));
      }
    }
    if (!proposal) continue;
    proposals.push(proposal);
    if (day && f !== head && !REPORTED.test(text.slice(Math.max(0, f.start - 40), f.start)))
      lastEvent = { quoted: passage(text, proposal.start, proposal.end), date: day };
  }
  return proposals;
}

interface Anchor {
  quoted: Quoted;
  date: Date;
}

/** Words before a date that make it the day something was said, not the day of an event. */
const REPORTED = /\b(?:said|says|told [\w ]{1,30}?|announced|reported|stated|added)\s*$/i;
/** A sentence that tells what is to come: its year-less dates fall after the dateline. */
const FUTURE = /\b(?:will|shall|(?:is|are) (?:due|expected|set|scheduled|to)|plans? to|next)\b/i;

/** Whether the sentence holding an offset speaks of what is to come. */
function future(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at)) + 1;
  const to = text.indexOf('.', at);
  return FUTURE.test(text.slice(from, to < 0 ? undefined : to));
}

/** The year of a year-less month: the anchor's, or the one before or after as the tense says. */
function yearFor(month: number, anchor: Anchor, ahead: boolean): number {
  const year = anchor.date.getUTCFullYear();
  const at = anchor.date.getUTCMonth() + 1;
  if (ahead) return month < at ? year + 1 : year;
  return month > at ? year - 1 : year;
}

/** A year-less date with the preposition before it ("In April", "on May 9"), as a curator quotes it. */
function withPreposition(text: string, f: Found): Quoted {
  const before = /\b(?:in|on|by|since|until)\s+$/i.exec(
    text.slice(Math.max(0, f.start - 8), f.start),
  );
  return passage(text, before ? f.start - before[0].length : f.start, f.end);
}

/** The first days of a month: "the first two weeks of March" 2025 is 2025-03-01/2025-03-14. */
function firstDays(year: number, month: number, days: number) {
  return {
    value: `${ymd(year, month, 1)}/${ymd(year, month, days)}`,
    precision: 'range' as const,
  };
}

const ymd = (year: number, month?: number, day?: number) =>
  [String(year), month && pad(month), month && day && pad(day)].filter(Boolean).join('-');
const utc = (f: Found) => new Date(Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1));
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
