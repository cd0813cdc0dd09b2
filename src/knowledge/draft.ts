import { stringify } from 'yaml';
import type { Declaration } from './catalog.ts';
import { factualSentences } from './coverage.ts';
import { findDates, MONTHS } from './find-dates.ts';

/**
 * A line that states nothing: no sentence end and a few words (a heading, a menu item, a bare
 * date). A longer line without a full stop is a headline, which states facts ("Israel summons
 * Russian envoy over minister's remarks"): it is left to the factual sentences.
 */
const HEADING = /^(?!.*[.!?:;"”]$)(?!(?:\S+\s+){5}\S).{1,80}$/;
/**
 * A dateline before the lead on the same line: a capitalised place or agency, perhaps a day and
 * a parenthesised or slashed source, then a full stop or dash (`MOSCOW, June 5 /TASS/.`).
 */
const DATELINE =
  /^[A-Z]{2,}(?:[ -][A-Z]{2,})*(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\)|\s*\/[^/]{1,40}\/)?\s*(?:\.|[-–—])(?=\s+\S)/;

/** Passages of a text that probably state no fact: headings, bare dates, datelines. */
export function nonFactualCandidates(text: string): string[] {
  const candidates: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.length === 0) continue;
    const dateline = DATELINE.exec(line);
    if (dateline) candidates.push(dateline[0]);
    else if (HEADING.test(line)) candidates.push(line);
  }
  return [...new Set(candidates)];
}

/** Declared entities whose name or an alias the text writes, one declaration per id. */
export function entitiesNamedIn(text: string, catalog: Declaration[]): Declaration[] {
  const found = new Map<string, Declaration>();
  for (const d of catalog) {
    if (found.has(d.id)) continue;
    const names = [d.name, ...d.aliases].filter((n) => n.length >= 3);
    if (names.some((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(text)))
      found.set(d.id, d);
  }
  return [...found.values()];
}

/** Capitalised names in the text that no declaration names, sentence starts aside. */
export function undeclaredNames(text: string, catalog: Declaration[]): string[] {
  const known = new Set(
    catalog.flatMap((d) => [d.name, ...d.aliases]).filter((n) => n.length >= 3),
  );
  const names = new Set<string>();
  // Words of a name are joined by spaces or tabs only: a name never runs across a line break.
  const pattern =
    /(?<=[a-z,;][ \t]|[ \t](?:the|The)[ \t])[A-Z][\w’'-]+(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]+)*/g;
  for (const m of text.matchAll(pattern)) {
    const name = m[0];
    if (MONTH_NAMES.has(name.split(/\s/)[0] ?? '')) continue;
    // Only a name declared as it is, or a part of a declared name, is known: a longer name that
    // contains a known one ("Israeli Foreign Minister Yair Lapid" holds "Israel") is new.
    if ([...known].some((k) => k === name || new RegExp(`\\b${escapeRegExp(name)}\\b`).test(k)))
      continue;
    const within = [...known].filter((k) => new RegExp(`\\b${escapeRegExp(k)}\\b`).test(name));
    names.add(within.length > 0 ? `${name} (holds the declared "${within.join('", "')}")` : name);
  }
  return [...names];
}

const MONTH_NAMES = new Set(MONTHS);

export interface DraftInput {
  text: string;
  /** The document id to propose. */
  id: string;
  /** The text file, relative to where the facts file will be. */
  source: string;
  catalog: Declaration[];
}

/**
 * A skeleton facts file for a new text: its document section with non-factual candidates, the
 * declared entities it names (cite to be written), and as comments its sentences, dates and the
 * names no file declares yet. Every `TODO` fails the check, so it is never imported as is.
 */
export function draftSourceFile({ text, id, source, catalog }: DraftInput): string {
  const nonFactual = nonFactualCandidates(text);
  const document = {
    id,
    title: 'TODO',
    publisher: 'TODO',
    kind: 'TODO',
    language: 'en',
    source,
    nonFactual,
  };
  const entities = entitiesNamedIn(text, catalog).map((d) => {
    const { cite: _, note: __, ...copy } = d.raw;
    return { ...copy, cite: 'TODO: quote this document' };
  });
  // A comment is one line: a line break inside an item would end the comment and break the YAML.
  const comment = (lines: string[]) =>
    lines.map((line) => `#   ${line.replace(/\s*\n\s*/g, ' ')}`).join('\n');
  const sentences = factualSentences(text, nonFactual).map((s, i) => `${i + 1}. ${s}`);
  const dates = [
    ...new Set(
      findDates(text).map((d) => `"${d.text}" → ${d.value ?? 'no year written'} (${d.precision})`),
    ),
  ];
  const names = undeclaredNames(text, catalog);
  return [
    `# Draft made by \`npm run draft\` from ${source}. Complete it, then run`,
    '# `npm run check-data <this file>`: it is not importable as is (every TODO fails the check).',
    '# nonFactual lists candidates (headings, bare dates, datelines): keep only what states no fact.',
    stringify({ document }).trimEnd(),
    '# Entities other source files declare that this text names: keep those it states facts',
    '# about, with a quote from this text; `npm run lookup <name>` finds others.',
    stringify({ entities }).trimEnd(),
    'links: []',
    '',
    '# Factual sentences: each must be quoted by a fact, or listed in nonFactual.',
    comment(sentences),
    '# Dates written in the text, with the precision to keep (a date without a year: say so in a note).',
    comment(dates.length > 0 ? dates : ['none']),
    '# Names no source file declares yet (declare those the text states facts about):',
    comment(names.length > 0 ? names : ['none']),
    '',
  ].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
