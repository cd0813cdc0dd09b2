import { MONTHS } from './find-dates.ts';
import type { Properties } from './import-plan.ts';
import { DATE_NAMES } from './vocabulary.ts';

/** The numbers a fact may carry, each with the property holding its words when not in digits. */
const NUMBER_FIELDS = [
  { name: 'value', asWritten: 'valueAsWritten' },
  { name: 'quantity', asWritten: 'quantityAsWritten' },
  { name: 'number', asWritten: null },
] as const;

/** A fact as checked here: its properties, every quote of its citation (context included), its note. */
export interface CitedFact {
  path: string;
  properties: Properties;
  quotes: readonly string[];
  note: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The same years, numbers and days come back fact after fact: each pattern is compiled once.
const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let found = compiled.get(source);
  if (!found) {
    if (compiled.size >= 10_000) compiled.clear();
    found = new RegExp(source);
    compiled.set(source, found);
  }
  return found;
}
/** `token` stands alone in `text`: not part of a longer number ("1991" in "19912" is not). */
const holds = (text: string, token: string) =>
  pattern(`(?<![\\d.])${escapeRegExp(token)}(?![\\d]|\\.\\d)`).test(text);

/**
 * Dates and numbers the citations do not hold. Each year of a date and each number must appear in
 * one of the fact's quotes (context quotes count: the heading that gives a timeline item its year).
 * A value no quote holds passes only when a sentence of the note names it and says it is
 * "inferred" (and from what): a waiver the curator writes on purpose, not a passing mention.
 */
export function uncitedValues(fact: CitedFact): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const said = (token: string) => fact.quotes.some((quote) => holds(quote, token));
  const waived = (token: string) =>
    (fact.note ?? '')
      .split(/(?<=[.;])\s+/)
      .some((sentence) => holds(sentence, token) && /\binferred\b/i.test(sentence));
  const missing = (field: string, shown: string, token: string) =>
    problems.push({
      path: `${fact.path} › ${field}`,
      message:
        `${field} ${shown}: no quote of its citation holds "${token}"; cite the passage that gives ` +
        `it (a heading or an earlier sentence can be cited as { context: … }), or waive it with a ` +
        `sentence of the note naming "${token}" as inferred, and from what`,
    });
  const check = (field: string, shown: string, token: string) => {
    if (!said(token) && !waived(token)) missing(field, shown, token);
  };
  // A month is held by its name, a day by the month's name beside it ("May 3", "3 May"), as a
  // year is by its digits: a date moved by a day or a month no longer matches its quote.
  const heldBy = (token: string, pattern: RegExp, iso: string) => {
    if (fact.quotes.some((quote) => pattern.test(quote) || quote.includes(iso))) return true;
    if (waived(token)) return true;
    return false;
  };
  for (const field of DATE_NAMES) {
    const value = fact.properties[field];
    if (typeof value !== 'string') continue;
    for (const year of new Set(value.match(/\d{4}/g) ?? [])) check(field, value, year);
    // Words such as "about a week later" give the months and days; they must be quoted instead.
    const words = fact.properties[`${field}AsWritten`];
    if (typeof words === 'string') {
      if (!fact.quotes.some((quote) => quote.includes(words))) missing(field, value, words);
      continue;
    }
    // The ISO form itself ("On 1950-05-03") holds it too.
    for (const [iso, month, day] of value.matchAll(/\d{4}-(\d{2})(?:-(\d{2}))?/g)) {
      const name = MONTHS[Number(month) - 1];
      if (!name) continue;
      if (day === undefined) {
        if (!heldBy(name, pattern(`\\b${name}\\b`), iso)) missing(field, value, name);
        continue;
      }
      const d = String(Number(day));
      const token = `${name} ${d}`;
      const dayPattern = pattern(
        `\\b${name},? ${d}(?!\\d)|(?<!\\d)${d}(?:st|nd|rd|th)? ${name}\\b`,
      );
      if (!heldBy(token, dayPattern, iso)) missing(field, value, token);
    }
  }
  const ordinal = fact.properties.ordinal;
  if (typeof ordinal === 'string') check('ordinal', ordinal, ordinal);
  for (const { name, asWritten } of NUMBER_FIELDS) {
    const value = fact.properties[name];
    if (typeof value !== 'number' && typeof value !== 'string') continue;
    const words = asWritten ? fact.properties[asWritten] : null;
    if (typeof words === 'string') check(asWritten as string, `"${words}"`, words);
    else {
      const digits = typeof value === 'number' ? String(Math.abs(value)) : value;
      check(name, String(value), digits);
    }
  }
  return problems;
}
