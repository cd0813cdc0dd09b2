import type { Declaration } from '../catalog.ts';
import { type DateParser, type DateProposal, proposeDates } from './dates.ts';
import { COUNTRIES, countryOfDemonym } from './demonyms.ts';
import { findNewEntities, type NewEntity, officeBefore, slug } from './entities.ts';
import { type FigureProposal, proposeFigures } from './figures.ts';
import {
  type Actor,
  type EventProposal,
  type LinkProposal,
  proposeLinks,
  qualifies,
  type Reference,
} from './links.ts';
import { findMentions, type Mention } from './mentions.ts';
import { passage, type Quoted } from './quoted.ts';
import { sentenceAt, splitLines } from './sentences.ts';
import { commonNounTreaties } from './treaties.ts';

/** Everything proposed for a document, each item with the passage it comes from. */
export interface Proposals {
  nonFactual: Quoted[];
  sentences: Quoted[];
  mentions: Mention[];
  newEntities: NewEntity[];
  dates: DateProposal[];
  figures: FigureProposal[];
  events: (EventProposal & { id: string; date?: DateProposal })[];
  links: LinkProposal[];
  /** Every passage naming an entity: mentions, new entities and their later mentions. */
  actors: Actor[];
}

export interface ProposeOptions {
  dateParser?: DateParser;
  /** Whether compromise's tagger guesses the kind of a new name no rule places. */
  tagger?: boolean;
}

/** Reads a document's text against the catalogue and proposes what a source file would state. */
export function propose(
  text: string,
  catalog: Declaration[],
  options: ProposeOptions = {},
): Proposals {
  const { nonFactual, sentences } = splitLines(text);
  const mentions = findMentions(text, catalog).filter(
    (m) => !nonFactual.some((n) => m.start < n.end && n.start < m.end),
  );
  const newEntities = findNewEntities(text, mentions, nonFactual, options.tagger ?? true);
  const dates = proposeDates(text, options.dateParser ?? 'both');
  const figures = proposeFigures(text, sentences, dates);
  // Mentions of a new entity after its first ("Araghchi" after "Abbas Araghchi") are actors too.
  const actors: Actor[] = [
    ...mentions.flatMap((m) =>
      m.candidates[0] ? [{ ...m, id: m.candidates[0].id, kind: m.candidates[0].kind }] : [],
    ),
    ...newEntities.map((e) => ({ ...e })),
    ...laterMentions(text, newEntities),
  ];
  actors.push(...coreferents(text, actors, sentences));
  // A person the catalogue holds, written after an office ("Syrian President Bashar Assad"), holds
  // it as a new person does.
  const holders: NewEntity[] = [
    ...newEntities,
    ...mentions.flatMap((m) => {
      const c = m.candidates[0];
      const office = c?.kind === 'Person' ? officeBefore(text, m.start) : undefined;
      return c && office ? [{ ...m, id: c.id, kind: c.kind, name: c.name, ...office }] : [];
    }),
  ];
  const links: LinkProposal[] = [];
  // An office written before a person's name: the person held it, of the country the demonym names
  // (declared, else proposed as new with the demonym as its quote).
  for (const person of holders.filter((e) => e.kind === 'Person' && e.roleOf)) {
    const sentence = sentenceAt(sentences, person.start);
    const roleOf = person.roleOf as Quoted;
    let country = countryFor(roleOf.quote, actors);
    const name = countryOfDemonym(roleOf.quote);
    if (!country && name) {
      const declared = catalog.find((d) => d.kind === 'Country' && d.name === name);
      const entity: NewEntity = {
        ...roleOf,
        id: declared?.id ?? slug(name),
        kind: 'Country',
        name,
      };
      if (declared)
        mentions.push({
          ...roleOf,
          candidates: [{ id: declared.id, kind: 'Country', name, confidence: 1, by: 'name' }],
        });
      else
        newEntities.push({
          ...entity,
          ...(COUNTRIES.has(name) ? { iso3166: COUNTRIES.get(name) } : {}),
        });
      actors.push(entity);
      country = entity.id;
    }
    if (sentence && country)
      links.push({
        type: 'HELD_OFFICE',
        from: person.id,
        to: country,
        cite: sentence,
        verb: person.roleOf as Quoted,
        ...(person.role ? { role: person.role } : {}),
      });
  }
  links.push(...officesWithoutDemonym(holders, actors, sentences));
  actors.push(...pairMentions(text, actors));
  const names = new Map<string, string>([
    ...mentions.flatMap((m) =>
      m.candidates[0] ? [[m.candidates[0].id, m.candidates[0].name]] : [],
    ),
    ...newEntities.map((e) => [e.id, e.name]),
  ] as [string, string][]);
  for (const treaty of commonNounTreaties(text, sentences, actors, (id) => names.get(id) ?? id)) {
    newEntities.push(treaty);
    actors.push(treaty);
  }
  const events: Proposals['events'] = [];
  const ids = new Set(actors.map((a) => a.id));
  const references: Reference[] = [];
  for (const sentence of sentences) {
    const found = proposeLinks(sentence, actors);
    links.push(...found.links);
    references.push(...found.references);
    for (const event of found.events) {
      // "the Turkish offensive" after "Turkey launched its offensive": the same one.
      if (
        event.definite &&
        events.some(
          (e) =>
            e.category === event.category && e.participants.includes(event.participants[0] ?? ''),
        )
      )
        continue;
      const date = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end);
      let id = slug(
        `${event.participants[0] ?? event.proposers?.[0]}-${event.category}${date ? `-${date.value.slice(0, 7)}` : ''}`,
      );
      while (ids.has(id)) id = `${id}-2`;
      ids.add(id);
      events.push({ ...event, id, ...(date ? { date } : {}) });
    }
  }
  for (const event of events)
    for (const proposer of event.proposers ?? [])
      links.push({
        type: 'PROPOSED',
        from: proposer,
        to: event.id,
        cite: event.sentence,
        verb: event.verb,
        ...(event.accordingTo ? { accordingTo: event.accordingTo } : {}),
      });
  links.push(...resolveReferences(references, events, actors));
  // Two readings of one fact (an office read twice, a verb read twice) make one link.
  const seen = new Set<string>();
  const unique = links.filter((l) => {
    const key = `${l.type} ${l.from} ${l.to} ${l.role ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
  return {
    nonFactual,
    sentences,
    mentions,
    newEntities,
    dates,
    figures,
    events,
    links: unique,
    actors,
  };
}

/** The categories of event an encounter noun ("the meeting", "the talks") may point back to. */
const ENCOUNTERS = new Set(['meeting', 'negotiation', 'visit', 'phone-call']);

/**
 * "condemned the meeting", "welcomed the agreement": linked to the first encounter, or the first
 * treaty named or agreement event, told before the verb: a news item's lead tells its main event,
 * which later sentences name by a common noun. Events only proposed are left out (they did not
 * take place). Nothing told before: no link.
 */
function resolveReferences(
  references: Reference[],
  events: Proposals['events'],
  actors: Actor[],
): LinkProposal[] {
  return references.flatMap((r) => {
    const targets = [
      ...events
        .filter(
          (e) =>
            !e.proposers?.length &&
            (r.sort === 'encounter'
              ? ENCOUNTERS.has(e.category)
              : r.sort === 'operation'
                ? e.category === 'military-operation'
                : e.category === 'agreement'),
        )
        // An operation is named by the noun itself, after the verb ("condemned the offensive").
        .map((e) => ({ id: e.id, at: r.sort === 'operation' ? 0 : e.verb.start })),
      ...(r.sort === 'agreement'
        ? actors.filter((a) => a.kind === 'Treaty').map((a) => ({ id: a.id, at: a.start }))
        : []),
    ].filter((t) => t.at < r.verb.start);
    const target = targets.sort((a, b) => a.at - b.at)[0];
    if (!target) return [];
    return r.from.map((from) => ({
      type: r.type,
      from,
      to: target.id,
      cite: r.cite,
      verb: r.verb,
      ...(r.accordingTo ? { accordingTo: r.accordingTo } : {}),
    }));
  });
}

/**
 * An office written after a country's name ("United States envoy Steve Witkoff", "Oman's Foreign
 * Minister Badr Albusaidi") is of that country; an office with no country ("Prime Minister Nawaf
 * Salam") is proposed as of the first country the text names, the dispatch's own.
 */
function officesWithoutDemonym(people: NewEntity[], actors: Actor[], sentences: Quoted[]) {
  const links: LinkProposal[] = [];
  const sorted = [...actors].sort((a, b) => a.start - b.start);
  const home = sorted.find((a) => a.kind === 'Country');
  for (const person of people.filter((e) => e.kind === 'Person' && !e.roleOf)) {
    const sentence = sentenceAt(sentences, person.start);
    if (!sentence) continue;
    const before = sorted.filter((a) => a.end <= person.start && a.start >= sentence.start).at(-1);
    // "United States President …", "Hezbollah leader …": the office is of the actor before it.
    const of =
      (before?.kind === 'Country' || before?.kind === 'Organization') &&
      qualifies(sentence, before, person)
        ? before
        : undefined;
    const country = of ?? (person.role ? home : undefined);
    if (!country) continue;
    const role =
      person.role ?? text(sentence, country.end, person.start).replace(/^['’]s\s+|\s+$/g, '');
    links.push({
      type: 'HELD_OFFICE',
      from: person.id,
      to: country.id,
      cite: sentence,
      verb: of ?? person,
      ...(role ? { role } : {}),
    });
  }
  return links;
}

const text = (sentence: Quoted, from: number, to: number) =>
  sentence.quote.slice(from - sentence.start, to - sentence.start).trim();

/** "the two countries", "the two sides", "the two leaders": the first two countries the text names. */
function pairMentions(text: string, actors: Actor[]): Actor[] {
  const countries = [
    ...new Set(
      [...actors]
        .sort((a, b) => a.start - b.start)
        .filter((a) => a.kind === 'Country')
        .map((a) => a.id),
    ),
  ].slice(0, 2);
  if (countries.length < 2) return [];
  return [
    ...text.matchAll(/\bthe two (?:countries|sides|neighbou?rs|nations|governments|leaders)\b/gi),
  ].flatMap((m) =>
    countries.map((id) => ({
      ...passage(text, m.index, m.index + m[0].length),
      id,
      kind: 'Country',
    })),
  );
}

/** What a pronoun or a definite noun stands for: the last entity of its kind named before it. */
const STANDS_FOR: [RegExp, string][] = [
  [/\b(?:[Hh]e|[Ss]he)\b/g, 'Person'],
  [/\b[Tt]he (?:country|state)\b(?!['’])/g, 'Country'],
  [/\b[Tt]he (?:group|movement|organi[sz]ation)\b(?!['’])/g, 'Organization'],
];

/**
 * "He", "she": the person last named before; "the country", "the group": the country or
 * organisation last named before the sentence (one named in the same sentence is another).
 */
function coreferents(text: string, actors: Actor[], sentences: Quoted[]): Actor[] {
  const sorted = [...actors].sort((a, b) => a.start - b.start);
  return STANDS_FOR.flatMap(([words, kind]) =>
    [...text.matchAll(words)].flatMap((m) => {
      const limit = kind === 'Person' ? m.index : (sentenceAt(sentences, m.index)?.start ?? 0);
      const last = sorted.filter((a) => a.kind === kind && a.end <= limit).at(-1);
      return last
        ? [{ ...passage(text, m.index, m.index + m[0].length), id: last.id, kind: last.kind }]
        : [];
    }),
  );
}

/** Words of a person's name that never stand for them alone. */
const NOT_ALONE = /^(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|bin|ibn|ben)$/;

/**
 * A new entity named again after its first mention: by its whole name ("Geneva"), or a person by
 * any word of their name no other person's shares ("Araghchi", "Lula", "al-Sharaa", "Xi").
 */
function laterMentions(text: string, entities: NewEntity[]): Actor[] {
  const found: Actor[] = [];
  const partsOf = (e: NewEntity) =>
    e.kind === 'Person' ? e.name.split(' ').filter((w) => !NOT_ALONE.test(w) && w.length > 1) : [];
  // A word two people's names share ("Abdullah") names neither alone.
  const shared = new Set(
    entities.flatMap((e, i) =>
      partsOf(e).filter((w) => entities.some((o, j) => j !== i && partsOf(o).includes(w))),
    ),
  );
  for (const e of entities) {
    const parts = e.name.includes(' ') ? partsOf(e).filter((w) => !shared.has(w)) : [];
    for (const name of [e.name, ...parts]) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of text.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g')))
        if (
          m.index >= e.end &&
          !found.some((f) => m.index < f.end && f.start < m.index + name.length)
        )
          found.push({
            start: m.index,
            end: m.index + name.length,
            quote: name,
            id: e.id,
            kind: e.kind,
          });
    }
  }
  return found;
}

/** The declared or new country a demonym names ("Brazilian" → brazil). */
function countryFor(demonym: string, actors: Actor[]): string | undefined {
  const name = countryOfDemonym(demonym);
  return actors.find((a) => a.kind === 'Country' && a.quote === name)?.id;
}
