import { countryOfDemonym } from './demonyms.ts';
import type { Quoted } from './quoted.ts';

/** An entity a sentence names, as the link proposer sees it. */
export interface Actor extends Quoted {
  id: string;
  kind: string;
}

/** A link the sentence's verb states between two of its entities. */
export interface LinkProposal {
  type: string;
  from: string;
  to: string;
  /** The sentence, or the clause from the first end to the second. */
  cite: Quoted;
  /** The verb the type comes from. */
  verb: Quoted;
  /** Whose words the sentence reports ("…, the ministry said"). */
  accordingTo?: string;
  /** The office held, for HELD_OFFICE. */
  role?: string;
}

/** An event a verb states ("met", "visited", "signed"): declared with its CAMEO code. */
export interface EventProposal {
  category: string;
  cameo: string;
  verb: Quoted;
  sentence: Quoted;
  participants: string[];
  /** Places the sentence puts it in ("in Geneva"). */
  places: string[];
  /** Who proposed it, when the sentence proposes it rather than reports it. */
  proposers?: string[];
  /** Named by a definite noun ("the Turkish offensive"): the same as an earlier one, if any. */
  definite?: boolean;
  accordingTo?: string;
}

/**
 * A link whose object is written as a definite noun ("condemned the meeting", "welcomed the
 * agreement"): it points back to an event or treaty of that sort the text told before.
 */
export interface Reference {
  type: string;
  from: string[];
  /** What the noun names: an encounter (meeting, talks, visit, call) or an agreement. */
  sort: 'encounter' | 'agreement' | 'operation';
  cite: Quoted;
  verb: Quoted;
  accordingTo?: string;
}

/** Verbs whose object may be an event or treaty told before. */
const REFERRING = new Set(['CONDEMNS', 'SUPPORTS', 'OPPOSES']);

/**
 * "the meeting", "the resumption of talks", "the new agreement": right after the verb, "the", up
 * to two words, optionally "… of", then the noun.
 */
const DEFINITE =
  /^\s+the\s+(?:[\w-]+\s+){0,2}?(?:(?:[\w-]+\s+){1,2}of\s+)?(?:(meeting|talks|summit|negotiations|visit|call|phone call)|(agreement|deal|memorandum|accord|treaty|joint statement)|(offensive|invasion|incursion|military operation))\b/;

/** A verb read onto the vocabulary: a link between subject and object, or an event with its code. */
interface Reading {
  verb: RegExp;
  type?: string;
  /** Words after the verb that make its object an event of the reading's category. */
  proposes?: RegExp;
  event?: { category: string; cameo: string };
}

const ACTORS = new Set(['Country', 'Person', 'Organization']);

/** Verbs onto link types (cypher/vocabulary.md) and CAMEO codes (data/codebooks/cameo.tsv). */
const READINGS: Reading[] = [
  {
    verb: /\b(?:condemn(?:s|ed)?|denounc(?:e|es|ed))\b/,
    type: 'CONDEMNS',
    event: { category: 'condemnation', cameo: '111' },
  },
  {
    verb: /\b(?:accus(?:e|es|ed)|blam(?:e|es|ed))\b/,
    type: 'BLAMED',
    event: { category: 'accusation', cameo: '112' },
  },
  {
    verb: /\b(?:recogni[sz](?:e|es|ed))\b/,
    type: 'RECOGNIZED',
    event: { category: 'recognition', cameo: '054' },
  },
  {
    verb: /\b(?:supplie[sd]|supply|deliver(?:s|ed)?|sold|sells?|shipped|export(?:s|ed)?|gave|gives?|provided|provides?|granted|donated|handed over)\b/,
    type: 'SUPPLIED',
    event: { category: 'delivery', cameo: '061' },
  },
  { verb: /\b(?:oppos(?:e|es|ed)|reject(?:s|ed)?|critici[sz](?:e|es|ed))\b/, type: 'OPPOSES' },
  {
    verb: /\b(?:support(?:s|ed)?|back(?:s|ed)|welcom(?:e|es|ed)|endors(?:e|es|ed)|prais(?:e|es|ed)|hail(?:s|ed)|applaud(?:s|ed))\b/,
    type: 'SUPPORTS',
  },
  { verb: /\b(?:attack(?:s|ed)?|struck|strikes?|shelled)\b/, type: 'ATTACKED' },
  {
    // "lists X as a terrorist organisation": the listing is the ban.
    verb: /\b(?:outlaw(?:s|ed)?|banned|proscrib(?:e|es|ed)|(?:list|designat)(?:s|es|ed|e)?(?=\s[^.]*?\bas an?\s+(?:[\w-]+\s+)?terrorist))\b/,
    type: 'OUTLAWED',
  },
  {
    verb: /\b(?:propos(?:e|es|ed)|put forward|offer(?:s|ed)?)\b/,
    type: 'PROPOSED',
    // "proposed a fifth round of talks": the talks are an event, proposed, not held.
    proposes:
      /^\s+(?:an?|the|new|further)?\s*(?:\w+\s+)?(?:round of talks|talks|negotiations|meeting|summit|ceasefire|truce|visit)\b/,
    event: { category: 'negotiation', cameo: '036' },
  },
  { verb: /\b(?:joined|member of)\b/, type: 'MEMBER_OF' },
  { verb: /\b(?:establish(?:es|ed)?|set up|founded|created)\b/, type: 'ESTABLISHED' },
  {
    verb: /\b(?:signed|sign|ratified)\b/,
    type: 'PARTY_TO',
    event: { category: 'agreement', cameo: '057' },
  },
  {
    verb: /\b(?:visit(?:s|ed)?|travell?ed to|arrived)\b/,
    event: { category: 'visit', cameo: '042' },
  },
  {
    verb: /\b(?:met|meet|meets|held talks|talks with|discuss(?:ed)?|hosted\s+(?:the\s+)?(?:\w+\s+)?(?:talks|meeting|summit|conference|negotiations))\b/,
    event: { category: 'meeting', cameo: '040' },
  },
  {
    verb: /\b(?:lift(?:s|ed)?|eas(?:e|es|ed)|remov(?:e|es|ed))\s+(?:\w+\s+){0,3}?(?:ban|bans|sanctions|controls|restrictions|embargo)\b/,
    event: { category: 'decision', cameo: '081' },
  },
  {
    verb: /\b(?:impos(?:e|es|ed))\s+(?:\w+\s+){0,3}?(?:ban|bans|sanctions|controls|restrictions|embargo|tariffs)\b/,
    event: { category: 'decision', cameo: '163' },
  },
  { verb: /\bagreed to\b/, event: { category: 'agreement', cameo: '030' } },
  {
    verb: /\b(?:spoken? by (?:tele)?phone|phone call|telephoned)\b/,
    event: { category: 'phone-call', cameo: '041' },
  },
  { verb: /\b(?:summon(?:s|ed)?)\b/, event: { category: 'summons', cameo: '114' } },
  { verb: /\b(?:apologi[sz](?:e|es|ed))\b/, event: { category: 'apology', cameo: '055' } },
];

/**
 * Events a noun names ("its offensive", "the Turkish offensive", "a two-day visit"): the noun and
 * the demonym before it, if any, which names the country taking part.
 */
const NOUN_EVENTS: [RegExp, { category: string; cameo: string }][] = [
  [
    /\b(the|its|their|an?)\s+(?:([A-Z][a-z]+)\s+)?(?:[a-z-]+\s+)?(offensive|invasion|incursion|military operation)\b/g,
    { category: 'military-operation', cameo: '190' },
  ],
  [
    /\b(the|his|her|its|their|an?)\s+(?:([A-Z][a-z]+)\s+)?(?:[a-z-]+\s+)?(visit|trip)\b/g,
    { category: 'visit', cameo: '042' },
  ],
];

/** Lower-case words of an office between a country and a person ("United States envoy"). */
const OFFICE_WORDS =
  /^(?:'s|’s)?\s+(?:(?:[A-Z][\w-]*|envoy|minister|president|ambassador|counterpart|spokesman|spokeswoman|official|chief|leader|foreign|defence|defense|prime|special)\s+){1,4}$/;

/** Whether an actor only names the office of the person written right after it. */
export function qualifies(sentence: Quoted, actor: Actor, next: Actor | undefined): boolean {
  if (next?.kind !== 'Person' || actor.kind === 'Person') return false;
  return OFFICE_WORDS.test(
    sentence.quote.slice(actor.end - sentence.start, next.start - sentence.start),
  );
}

/**
 * An actor with those joined to it by "and" ("A and B met", "met A and B"), looking backwards
 * (-1) or forwards (1); actors at the same passage ("the two countries") go together.
 */
function conjoined(sentence: Quoted, parties: Actor[], first: Actor, step: -1 | 1): Actor[] {
  const group = parties.filter((e) => e.start === first.start && ACTORS.has(e.kind));
  let at = first;
  for (;;) {
    const i = parties.indexOf(at) + step;
    const next = parties[i];
    if (!next || !ACTORS.has(next.kind)) break;
    const [a, b] = step < 0 ? [next, at] : [at, next];
    const between = sentence.quote.slice(a.end - sentence.start, b.start - sentence.start);
    if (!/^,?\s+and\s+(?:[A-Z][\w-]*\s+){0,4}$/.test(between)) break;
    group.push(...parties.filter((e) => e.start === next.start && ACTORS.has(e.kind)));
    at = next;
  }
  return group;
}

/** A verb coordinated with the one before it: "… and said", "… and also visited". */
const AND_BEFORE = /\s(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/;

/** The subject of a sentence's first verb: its first actor. */
const subjectOf = (within: Actor[]) => within.find((e) => ACTORS.has(e.kind));

/** "…, X said", "X told reporters", "according to X": whose words the sentence reports. */
const SAYS = /\b(?:said|says|told|stated|added|announced|according to)\b/;

/**
 * The links and events a sentence's verbs state, read from its entities' order: the subject is
 * the nearest actor before the verb, the object the first entity after it. When the sentence
 * reports someone's words, that speaker (the actor beside "said" or after "according to") is who
 * states it, and is left out of the links themselves.
 */
export function proposeLinks(
  sentence: Quoted,
  entities: Actor[],
): { links: LinkProposal[]; events: EventProposal[]; references: Reference[] } {
  const within = entities
    .filter((e) => e.start >= sentence.start && e.end <= sentence.end)
    .sort((a, b) => a.start - b.start);
  const text = sentence.quote;
  const says = SAYS.exec(text);
  let speaker: Actor | undefined;
  let trailing = false;
  if (says) {
    const at = sentence.start + says.index;
    const after = within.find((e) => e.start >= at && ACTORS.has(e.kind));
    const before = [...within].reverse().find((e) => e.end <= at && ACTORS.has(e.kind));
    // "according to X" and "…, X said" name the speaker after; "X said that …" before.
    // "… and said that …" is never a trailing attribution, however short.
    trailing =
      /according to/.test(says[0]) ||
      (text.slice(says.index).length < 40 &&
        !/^\w+\s+that\b/.test(text.slice(says.index)) &&
        !AND_BEFORE.test(text.slice(0, says.index)));
    speaker = trailing ? (after ?? before) : (before ?? after);
    // "X met Y … and said that …": who said it is the subject of the sentence's first verb.
    if (!trailing && AND_BEFORE.test(text.slice(0, says.index))) speaker = subjectOf(within);
    if (/,\s*(?:\w+\s+){0,6}$/.test(text.slice(0, says.index)) && before && !after)
      speaker = before;
  }
  // A country or organisation written as a person's office ("United States envoy Steve Witkoff")
  // qualifies the person; the person is who acts.
  const parties = within.filter(
    (e, i) => e !== speaker && e.id !== speaker?.id && !qualifies(sentence, e, within[i + 1]),
  );
  const links: LinkProposal[] = [];
  const events: EventProposal[] = [];
  const references: Reference[] = [];
  const accordingTo = speaker?.id;
  // A place after "in", "at", "to"; a country after "in" ("in northeastern Syria").
  const places = within
    .filter((e) => {
      const before = text.slice(0, e.start - sentence.start);
      return e.kind === 'Place'
        ? /\b(?:in|at|to|visit(?:s|ed)?)\s+(?:the\s+)?$/.test(before)
        : e.kind === 'Country' &&
            /\b(?:in|into)\s+(?:(?:north|south|east|west|central)[a-z]*\s+)?$/.test(before);
    })
    .map((e) => e.id);
  // The statement a sentence reports is an event its speaker took part in (data/README.md), when
  // it is what the sentence tells ("X said that …"); "…, X said" only says whose words they are.
  if (
    speaker &&
    says &&
    !trailing &&
    (AND_BEFORE.test(text.slice(0, says.index)) ||
      /^\s*(?:,?\s*(?:on|last|late on|early on)\s+\w+,?\s*)?$/.test(
        text.slice(speaker.end - sentence.start, says.index),
      ))
  ) {
    const at = sentence.start + says.index;
    events.push({
      category: 'statement',
      cameo: '010',
      verb: { start: at, end: at + says[0].length, quote: says[0] },
      sentence,
      participants: [speaker.id],
      places: [],
    });
  }
  // Every verb of the sentence: "met … and visited …" states two events.
  for (const [reading, m] of READINGS.flatMap((r) =>
    [...text.matchAll(new RegExp(r.verb.source, 'g'))].map((m) => [r, m] as const),
  )) {
    const verbAt = sentence.start + m.index;
    const verb = { start: verbAt, end: verbAt + m[0].length, quote: m[0] };
    // A verb after "and" shares the subject of the sentence's first ("X met Y and visited Z").
    const subject = AND_BEFORE.test(text.slice(0, m.index))
      ? subjectOf(parties.filter((e) => e.end <= verbAt))
      : [...parties].reverse().find((e) => e.end <= verbAt && ACTORS.has(e.kind));
    const subjects = subject ? conjoined(sentence, parties, subject, -1) : [];
    const object = parties.find((e) => e.start >= verb.end && e.id !== subject?.id);
    const proposed = reading.proposes?.test(text.slice(m.index + m[0].length));
    const definite =
      reading.type &&
      REFERRING.has(reading.type) &&
      DEFINITE.exec(text.slice(m.index + m[0].length));
    if (definite && subject && reading.type) {
      references.push({
        type: reading.type,
        from: subjects.map((e) => e.id),
        sort: definite[1] ? 'encounter' : definite[2] ? 'agreement' : 'operation',
        cite: sentence,
        verb,
        ...(accordingTo ? { accordingTo } : {}),
      });
    } else if (reading.type && subject && object && !proposed) {
      const tos =
        reading.type === 'PARTY_TO' ? parties.filter((e) => e.kind === 'Treaty') : [object];
      const froms =
        reading.type === 'PARTY_TO'
          ? parties.filter((e) => ACTORS.has(e.kind) && e.kind !== 'Person')
          : subjects;
      for (const from of froms)
        for (const to of tos)
          if (from.id !== to.id)
            links.push({
              type: reading.type,
              from: from.id,
              to: to.id,
              cite: sentence,
              verb,
              ...(accordingTo ? { accordingTo } : {}),
            });
    }
    if (reading.event && proposed && subject) {
      // The event proposed: its proposer is linked to it (PROPOSED), not a participant.
      events.push({
        ...reading.event,
        verb,
        sentence,
        participants: [],
        proposers: subjects.map((e) => e.id),
        places,
        ...(accordingTo ? { accordingTo } : {}),
      });
    } else if (reading.event && !reading.type) {
      // Who acts and with whom: the subjects, and the actors right after the verb.
      // The one met or visited is written right after the verb, not after "after", "in", "on".
      const other = parties.find(
        (e) =>
          e.start >= verb.end &&
          ACTORS.has(e.kind) &&
          !subjects.includes(e) &&
          !/\b(?:after|before|during|following|in|at|on|for|over|of)\b/.test(
            text.slice(verb.end - sentence.start, e.start - sentence.start),
          ),
      );
      const others = other ? conjoined(sentence, parties, other, 1) : [];
      const participants = [...new Set([...subjects, ...others].map((e) => e.id))];
      // "arrived … for a visit": one event, read twice.
      const same = events.some(
        (e) =>
          e.category === reading.event?.category && e.participants.join() === participants.join(),
      );
      if (participants.length > 0 && !same)
        events.push({
          ...reading.event,
          verb,
          sentence,
          participants,
          places,
          ...(accordingTo ? { accordingTo } : {}),
        });
    }
  }
  // An event a noun names, when no verb of the sentence told one of its sort: who takes part is
  // the country its demonym names, else the subject before it ("Turkey launched its offensive").
  for (const [words, event] of NOUN_EVENTS)
    for (const m of text.matchAll(words)) {
      if (events.some((e) => e.category === event.category)) continue;
      const at = sentence.start + m.index;
      const noun = { start: at, end: at + m[0].length, quote: m[0] };
      const name = m[2] ? countryOfDemonym(m[2]) : undefined;
      const country = name && entities.find((e) => e.kind === 'Country' && e.quote === name);
      const subject = [...parties].reverse().find((e) => e.end <= at && ACTORS.has(e.kind));
      const by = m[2] ? country : subject;
      if (!by) continue;
      events.push({
        ...event,
        verb: noun,
        sentence,
        participants: [by.id],
        places,
        ...(m[1] === 'the' ? { definite: true } : {}),
        ...(accordingTo ? { accordingTo } : {}),
      });
    }
  return { links, events, references };
}
