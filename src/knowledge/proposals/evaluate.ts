import { parse } from 'yaml';
import type { Declaration } from '../catalog.ts';
import { findDates } from '../find-dates.ts';
import { DATE_NAMES } from '../vocabulary.ts';
import { draftFile } from './draft-file.ts';
import { type ProposeOptions, propose } from './propose.ts';
import { sentenceAt, splitLines } from './sentences.ts';

/** Precision and recall of one kind of proposal against a hand-curated source file. */
export interface Score {
  proposed: number;
  expected: number;
  correct: number;
}

export interface Evaluation {
  mentions: Score;
  newEntities: Score;
  dates: Score;
  figures: Score;
  links: Score;
  /** Proposals whose quote is not the passage at its offsets, and cites not found in the text. */
  notVerbatim: number;
  /** Fields a curator types: every value of the curated file, and those the draft does not hold. */
  typedWithout: number;
  typedWith: number;
  decisions: number;
  /** Links as `TYPE from to` keys: curated ones the draft lacks, drafted ones not curated. */
  missedLinks: string[];
  wrongLinks: string[];
}

type Entry = Record<string, unknown>;
const EVENTS = new Set(['Event', 'Incident']);
const NAMED = new Set([
  'Country',
  'Person',
  'Organization',
  'Place',
  'Treaty',
  'UNResolution',
  'Conflict',
  'Equipment',
]);

const score = (proposed: Set<string>, expected: Set<string>): Score => ({
  proposed: proposed.size,
  expected: expected.size,
  correct: [...proposed].filter((p) => expected.has(p)).length,
});

/** The first quote of a cite that states the fact (not a context quote). */
const firstQuote = (cite: unknown): string =>
  typeof cite === 'string'
    ? cite
    : ((cite as unknown[]).find((c) => typeof c === 'string') as string);

const namesOf = (e: Entry) =>
  [e.name, ...((e.aliases as unknown[]) ?? [])].map((n) => String(n).toLowerCase());

/**
 * Scores the draft of `text` against its curated source file. Entities are matched by catalogue
 * id, by name or alias (new ones), or for events, incidents and figures by the sentence their
 * first quote sits in; links by type and both ends so matched; dates by their value (which holds
 * the precision), the dateline's included.
 */
export function evaluate(
  text: string,
  expectedYaml: string,
  catalog: Declaration[],
  options: ProposeOptions = {},
): Evaluation {
  const expected = parse(expectedYaml) as { document: Entry; entities: Entry[]; links: Entry[] };
  const proposals = propose(text, catalog, options);
  const draftYaml = draftFile(proposals, { id: 'draft', source: 'draft.txt', catalog });
  const draft = parse(draftYaml) as { entities: Entry[]; links: Entry[] };
  const known = new Set(catalog.map((d) => d.id));
  const { sentences } = splitLines(text);
  const sentenceOf = (e: Entry) => {
    const at = text.indexOf(firstQuote(e.cite));
    return at < 0 ? -1 : sentences.indexOf(sentenceAt(sentences, at) as never);
  };
  const goldKey = new Map<string, string>();
  for (const e of expected.entities) {
    const id = String(e.id);
    const kind = String(e.kind);
    goldKey.set(
      id,
      known.has(id)
        ? id
        : EVENTS.has(kind) || kind === 'Figure'
          ? `${EVENTS.has(kind) ? 'Event' : kind}@${sentenceOf(e)}`
          : `${kind}:${String(e.name).toLowerCase()}`,
    );
  }
  const goldNamed = expected.entities.filter(
    (e) => !known.has(String(e.id)) && NAMED.has(String(e.kind)),
  );
  const draftKey = new Map<string, string>();
  for (const e of draft.entities) {
    const id = String(e.id);
    const kind = String(e.kind);
    if (known.has(id)) draftKey.set(id, id);
    else if (EVENTS.has(kind) || kind === 'Figure')
      draftKey.set(id, `${EVENTS.has(kind) ? 'Event' : kind}@${sentenceOf(e)}`);
    else {
      const names = namesOf(e);
      const gold = goldNamed.find((g) => namesOf(g).some((n) => names.includes(n)));
      draftKey.set(
        id,
        gold
          ? `${kind}:${String(gold.name).toLowerCase()}`
          : `${kind}:${String(e.name).toLowerCase()}`,
      );
    }
  }
  const ids = (entities: Entry[], keep: (e: Entry) => boolean, key: Map<string, string>) =>
    new Set(entities.filter(keep).map((e) => key.get(String(e.id)) ?? ''));
  const isKnown = (e: Entry) => known.has(String(e.id));
  const isNamed = (e: Entry) => !known.has(String(e.id)) && NAMED.has(String(e.kind));
  const isFigure = (e: Entry) => e.kind === 'Figure';
  const linkSet = (links: Entry[], key: Map<string, string>) =>
    new Set(links.map((l) => `${l.type} ${key.get(String(l.from))} ${key.get(String(l.to))}`));

  const dateValue = (d: unknown) =>
    typeof d === 'object' && d !== null ? String((d as Entry).value) : String(d);
  const expectedDates = new Set<string>([
    ...[...expected.entities, ...expected.links].flatMap((e) =>
      DATE_NAMES.filter((k) => e[k] !== undefined).map((k) => dateValue(e[k])),
    ),
    ...((expected.document.nonFactual as string[]) ?? []).flatMap((n) =>
      findDates(n).flatMap((d) => (d.value ? [d.value] : [])),
    ),
  ]);
  const proposedDates = new Set(proposals.dates.map((d) => d.value));

  const quoted = [
    ...proposals.nonFactual,
    ...proposals.sentences,
    ...proposals.mentions,
    ...proposals.newEntities,
    ...proposals.dates,
    ...proposals.figures,
  ];
  const cites = [...draft.entities, ...draft.links].flatMap((e) =>
    [e.cite].flat().map((c) => (typeof c === 'string' ? c : String((c as Entry).context))),
  );
  const notVerbatim =
    quoted.filter((q) => text.slice(q.start, q.end) !== q.quote).length +
    cites.filter((c) => !text.includes(c)).length;

  const leaves = (value: unknown): string[] =>
    value === null || typeof value !== 'object'
      ? [String(value)]
      : Object.entries(value as Entry).flatMap(([k, v]) =>
          k === 'aliases' && Array.isArray(v) && v.length === 0 ? [] : leaves(v),
        );
  const goldLeaves = leaves({
    entities: expected.entities,
    links: expected.links,
    document: expected.document,
  });
  const drafted = new Set(leaves(draft));
  const draftLinks = linkSet(draft.links, draftKey);
  const goldLinks = linkSet(expected.links, goldKey);
  return {
    missedLinks: [...goldLinks].filter((l) => !draftLinks.has(l)),
    wrongLinks: [...draftLinks].filter((l) => !goldLinks.has(l)),
    mentions: score(
      ids(draft.entities, isKnown, draftKey),
      ids(expected.entities, isKnown, goldKey),
    ),
    newEntities: score(
      ids(draft.entities, isNamed, draftKey),
      ids(expected.entities, isNamed, goldKey),
    ),
    dates: score(proposedDates, expectedDates),
    figures: score(
      ids(draft.entities, isFigure, draftKey),
      ids(expected.entities, isFigure, goldKey),
    ),
    links: score(draftLinks, goldLinks),
    notVerbatim,
    typedWithout: goldLeaves.length,
    typedWith: goldLeaves.filter((v) => !drafted.has(v)).length,
    decisions: (draftYaml.match(/^\s*decide:/gm) ?? []).length,
  };
}
