import nlp from 'compromise';
import { COUNTRIES, countryOfDemonym } from './demonyms.ts';
import { type Mention, NAME_RUN } from './mentions.ts';
import { passage, type Quoted } from './quoted.ts';

/** An entity the text introduces that the catalogue does not declare. */
export interface NewEntity extends Quoted {
  id: string;
  kind: string;
  name: string;
  /** The office written before a person's name ("Foreign Minister"), and the country it names. */
  role?: string;
  roleOf?: Quoted;
  iso3166?: string;
  /** Set when the kind is only a guess. */
  flag?: string;
}

/** Words of an office written before a name, longest first. */
const TITLES =
  /^(?:(?:Deputy|Vice|Acting|Former|Prime|Foreign|Defen[cs]e|Trade|Finance|Interior|Economy|Energy|Agriculture|Ministry|Foreign Ministry|Major|Lieutenant)\s+)*(?:(?:President|Minister|Secretary(?:-General)?|Ambassador|Spokesman|Spokeswoman|Spokesperson|Chancellor|King|Queen|Emir|Sheikh|Premier|Envoy|Director|Chairman|Commissioner|General|Senator|Governor)(?:\s+(?:of\s+)?(?:State|Foreign Affairs))?\s+)+/;

const HEADS: [RegExp, string][] = [
  [/^(?:Kingdom|Republic|State|Principality|Sultanate|Emirate|Federation) of\b/, 'Country'],
  [/\bResolution\s+\d+$/, 'UNResolution'],
  [
    /\b(?:Treaty|Agreement|Accord|Pact|Deal|Memorandum|Convention|Protocol|Initiative|Plan)\b/,
    'Treaty',
  ],
  [
    /\b(?:Ministry|Council|Agency|Bank|Union|Organi[sz]ation|Party|Company|Fund|Commission|Committee|Parliament|Assembly|Forces|Army|Navy|Office|Corporation|Authority|Group|Guard|Department|Service)\b/,
    'Organization',
  ],
  [/\b(?:Summit|Conference|Talks|Forum|Games|Visit|Meeting)\b/, 'Event'],
  [/\b(?:War|Conflict|Crisis|Uprising)\b/, 'Conflict'],
  [/^[A-Z][A-Za-z]?-\d+/, 'Equipment'],
  [
    /\b(?:Sea|Ocean|Strait|Gulf|River|Island|Islands|Port|Province|Region|Airport|Heights|Valley)\b/,
    'Place',
  ],
];

/** An office written right before a name ("Prime Minister "): the longest, so the leftmost. */
const OFFICE_BEFORE = new RegExp(`(?:^|\\s)(${TITLES.source.slice(1)})$`);

/**
 * The office written right before a name the catalogue already holds ("Syrian President Bashar
 * Assad"), and the demonym before it that says of which country, as for a new person's name.
 */
export function officeBefore(
  text: string,
  start: number,
): { role: string; roleOf?: Quoted } | undefined {
  const from = Math.max(0, start - 60);
  const m = OFFICE_BEFORE.exec(text.slice(from, start));
  if (!m?.[1]) return undefined;
  const at = from + m.index + m[0].indexOf(m[1]);
  const before = text.slice(Math.max(0, at - 30), at);
  const demonym = [/([A-Z][a-z]+\s+[A-Z][a-z]+)\s+$/, /([A-Z][a-z]+)\s+$/]
    .map((r) => r.exec(before)?.[1])
    .find((d) => d && countryOfDemonym(d));
  const d = demonym ? at - before.length + before.lastIndexOf(demonym) : -1;
  return {
    role: m[1].trim(),
    ...(demonym ? { roleOf: passage(text, d, d + demonym.length) } : {}),
  };
}

/** An office written in lower case right before a name, with the demonym before it if any. */
const LOWER_OFFICE =
  /(?:\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?\b(counterpart|envoy|spokesman|spokeswoman|ambassador|leader|chief)\s+$/;

export const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const SKIP =
  /^(?:The|A|An|In|On|At|By|For|But|And|It|He|She|They|We|This|That|These|Those|Its|His|Her|Their|After|Before|Read|More|According|Last|Next|Earlier|Later|About|Some|Both|As|If|When|While|Under|With|From|Since|During|Such|There|I|Mr|Ms|Mrs|Officials?|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * Capitalised names the catalogue does not declare, each with a proposed kind and id: an office
 * before a person's name, the head word of an organisation, treaty or event, an ISO 3166 country
 * name, else what compromise's tagger says of it (a person, a place, an organisation), flagged.
 */
export function findNewEntities(
  text: string,
  mentions: Mention[],
  skip: Quoted[],
  useTagger = true,
): NewEntity[] {
  const taken = [...mentions, ...skip];
  const tagged = useTagger ? taggerKinds(text) : new Map<string, string>();
  const found = new Map<string, NewEntity>();
  for (const m of text.matchAll(NAME_RUN)) {
    let start = m.index;
    let name = m[0];
    if (taken.some((t) => start < t.end && t.start < start + name.length)) {
      // Keep the part before a known name: "Foreign Minister" of "Iranian Foreign Minister X".
      continue;
    }
    // Leading words that only start a sentence ("The", "After") or give a demonym.
    let role: string | undefined;
    let roleOf: Quoted | undefined;
    for (;;) {
      const first = /^(\S+)\s+/.exec(name);
      if (!first) break;
      const word = first[1] ?? '';
      if (SKIP.test(word)) {
        start += first[0].length;
        name = name.slice(first[0].length);
        continue;
      }
      // A demonym of one word or two ("South Korean").
      // Not the first word of a country's name ("Saudi Arabia").
      const demonym = [/^(\S+\s+\S+)\s+/.exec(name), first].find(
        (m) =>
          m &&
          countryOfDemonym(m[1] ?? '') &&
          /^\s*[A-Z]/.test(name.slice(m[0].length)) &&
          !COUNTRIES.has(name.replace(/\s+/g, ' ')),
      );
      if (demonym) {
        roleOf = passage(text, start, start + (demonym[1] ?? '').length);
        start += demonym[0].length;
        name = name.slice(demonym[0].length);
        continue;
      }
      break;
    }
    // An office before a name ("King Rudolf"), not a title of a place ("King of Ruritania").
    // "King of Ruritania": an office of a country, not a name; the country alone is one.
    const office =
      /^(?:King|Queen|President|Prime Minister|Emir|Sultan|Chancellor) of (?:the )?/.exec(name);
    if (office) {
      start += office[0].length;
      name = name.slice(office[0].length);
    }
    const title = TITLES.exec(name);
    if (title && /^[A-Z]/.test(name.slice(title[0].length))) {
      role = title[0].trim();
      start += title[0].length;
      name = name.slice(title[0].length);
      // "Rudolf of Freedonia": the person's name ends where the country begins.
      name = name.replace(/\s+of\s.*$/, '');
    }
    // A lower-case office before a name ("his Japanese counterpart Takeshi Iwaya", "party leader
    // Anna Berg"): a person, of the country its demonym names. A counterpart's office is the other
    // side's, so it is left for the curator.
    const lowerOffice = role ? null : LOWER_OFFICE.exec(text.slice(Math.max(0, start - 40), start));
    if (lowerOffice && /^[A-Z]\S*\s+[A-Z]/.test(name)) {
      const noun = lowerOffice[2] ?? '';
      if (noun !== 'counterpart') role = noun;
      const demonym = lowerOffice[1];
      if (demonym && countryOfDemonym(demonym)) {
        const at = start - lowerOffice[0].length;
        roleOf = passage(text, at, at + demonym.length);
      }
    }
    // An organisation keeps its demonym: "Iranian Foreign Ministry", "Brazilian Ministry of …".
    if (!role && roleOf && kindOf(name, new Map()) === 'Organization') {
      name = text.slice(roleOf.start, start + name.length);
      start = roleOf.start;
      roleOf = undefined;
    }
    if (SKIP.test(name) || countryOfDemonym(name) || name.length < 3) continue;
    if (!name.includes(' ') && !COUNTRIES.has(name) && namesNothing(text, start, name)) continue;
    if (found.has(name)) continue;
    // After "in", "to", "at": a place, when nothing else tells.
    const where = /\b(?:in|to|at|from|near|visit(?:s|ed)?)\s+(?:the\s+(?:city\s+of\s+)?)?$/.test(
      text.slice(Math.max(0, start - 25), start),
    );
    const kind =
      role || lowerOffice ? 'Person' : (kindOf(name, tagged) ?? (where ? 'Place' : undefined));
    const entity: NewEntity = {
      ...passage(text, start, start + name.length),
      id: slug(name),
      kind: kind ?? 'Organization',
      name,
      ...(role ? { role } : {}),
      ...(roleOf ? { roleOf } : {}),
      ...(COUNTRIES.has(name) ? { iso3166: COUNTRIES.get(name) } : {}),
      ...(kind ? {} : { flag: 'kind unknown: choose one' }),
    };
    found.set(name, entity);
  }
  // A part of a name alone after the full name ("Araghchi", "Lula", "Xi") is a mention of the same
  // person.
  const people = [...found.values()].filter((e) => e.kind === 'Person' && e.name.includes(' '));
  for (const name of [...found.keys()])
    if (!name.includes(' ') && people.some((p) => p.name.split(' ').includes(name)))
      found.delete(name);
  return [...found.values()];
}

/**
 * A single capitalised word that is no name: an adjective ("Jewish blood"), a demonym compound
 * ("Russian-speaking"), initials ("V.V"), or a common word that only starts a sentence or heading
 * ("Restoration of …") and that compromise does not tag as a proper noun.
 */
function namesNothing(text: string, start: number, word: string): boolean {
  if (/^(?:[A-Z]\.)+[A-Z]?$/.test(word) || /^[A-Z]\.[A-Z]$/.test(word)) return true;
  if (word.includes('-') && countryOfDemonym(word.split('-')[0] ?? '')) return true;
  const tags = nlp(word);
  if (tags.has('#Adjective') || tags.has('#Demonym')) return true;
  const starts =
    start === 0 || /(?:^|[.!?:"“]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start));
  return starts && !tags.has('#ProperNoun') && !new RegExp(`[a-z,]\\s+${word}\\b`).test(text);
}

/** Particles that only people's names hold ("von der Leyen", "bin Salman", "al-Sharaa"). */
const PERSONAL = /\s(?:von|van|bin|ibn|ben|da|dos)\s|\s(?:al|el)-[A-Z]/;

function kindOf(name: string, tagged: Map<string, string>): string | undefined {
  if (COUNTRIES.has(name)) return 'Country';
  for (const [pattern, kind] of HEADS) if (pattern.test(name)) return kind;
  return tagged.get(name) ?? (PERSONAL.test(name) ? 'Person' : undefined);
}

/** compromise's reading of the text: which names it tags as people, places, organisations. */
function taggerKinds(text: string): Map<string, string> {
  const doc = nlp(text);
  const kinds = new Map<string, string>();
  const put = (names: string[], kind: string) => {
    for (const n of names) kinds.set(n.replace(/[.,;:'’s]+$/, '').trim(), kind);
  };
  put(doc.organizations().out('array') as string[], 'Organization');
  put(doc.places().out('array') as string[], 'Place');
  put(doc.people().out('array') as string[], 'Person');
  return kinds;
}
