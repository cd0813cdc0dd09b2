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
  accordingTo?: string;
}

/** A verb read onto the vocabulary: a link between subject and object, or an event with its code. */
interface Reading {
  verb: RegExp;
  type?: string;
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
    verb: /\b(?:supplie[sd]|supply|deliver(?:s|ed)?|sold|sells?|shipped)\b/,
    type: 'SUPPLIED',
    event: { category: 'delivery', cameo: '061' },
  },
  { verb: /\b(?:oppos(?:e|es|ed)|reject(?:s|ed)?)\b/, type: 'OPPOSES' },
  {
    verb: /\b(?:support(?:s|ed)?|back(?:s|ed)|welcom(?:e|es|ed)|endors(?:e|es|ed))\b/,
    type: 'SUPPORTS',
  },
  { verb: /\b(?:attack(?:s|ed)?|struck|strikes?|shelled)\b/, type: 'ATTACKED' },
  { verb: /\b(?:propos(?:e|es|ed)|put forward)\b/, type: 'PROPOSED' },
  { verb: /\b(?:joined|member of)\b/, type: 'MEMBER_OF' },
  { verb: /\b(?:establish(?:es|ed)?|set up|founded|created)\b/, type: 'ESTABLISHED' },
  {
    verb: /\b(?:signed|sign|ratified)\b/,
    type: 'PARTY_TO',
    event: { category: 'agreement', cameo: '057' },
  },
  {
    verb: /\b(?:visit(?:s|ed)?|travell?ed to|arrived in)\b/,
    event: { category: 'visit', cameo: '042' },
  },
  { verb: /\b(?:met|meet|held talks|talks with)\b/, event: { category: 'meeting', cameo: '040' } },
  {
    verb: /\b(?:spoke by (?:tele)?phone|phone call|telephoned)\b/,
    event: { category: 'phone-call', cameo: '041' },
  },
  { verb: /\b(?:summon(?:s|ed)?)\b/, event: { category: 'summons', cameo: '114' } },
  { verb: /\b(?:apologi[sz](?:e|es|ed))\b/, event: { category: 'apology', cameo: '055' } },
];

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
): { links: LinkProposal[]; events: EventProposal[] } {
  const within = entities
    .filter((e) => e.start >= sentence.start && e.end <= sentence.end)
    .sort((a, b) => a.start - b.start);
  const text = sentence.quote;
  const says = SAYS.exec(text);
  let speaker: Actor | undefined;
  if (says) {
    const at = sentence.start + says.index;
    const after = within.find((e) => e.start >= at && ACTORS.has(e.kind));
    const before = [...within].reverse().find((e) => e.end <= at && ACTORS.has(e.kind));
    // "according to X" and "…, X said" name the speaker after; "X said that …" before.
    const trailing = /according to/.test(says[0]) || text.slice(says.index).length < 40;
    speaker = trailing ? (after ?? before) : (before ?? after);
    if (/,\s*(?:\w+\s+){0,6}$/.test(text.slice(0, says.index)) && before && !after)
      speaker = before;
  }
  const parties = within.filter((e) => e !== speaker);
  const links: LinkProposal[] = [];
  const events: EventProposal[] = [];
  const accordingTo = speaker?.id;
  const places = within
    .filter(
      (e) =>
        e.kind === 'Place' &&
        /\b(?:in|at|to|visit(?:s|ed)?)\s+(?:the\s+)?$/.test(
          text.slice(0, e.start - sentence.start),
        ),
    )
    .map((e) => e.id);
  // The statement a sentence reports is an event its speaker took part in (data/README.md).
  if (speaker && says) {
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
  for (const reading of READINGS) {
    const m = reading.verb.exec(text);
    if (!m) continue;
    const verbAt = sentence.start + m.index;
    const verb = { start: verbAt, end: verbAt + m[0].length, quote: m[0] };
    const subject = [...parties].reverse().find((e) => e.end <= verbAt && ACTORS.has(e.kind));
    const object = parties.find((e) => e.start >= verb.end && e.id !== subject?.id);
    if (reading.type && subject && object) {
      const tos =
        reading.type === 'PARTY_TO' ? parties.filter((e) => e.kind === 'Treaty') : [object];
      const froms =
        reading.type === 'PARTY_TO'
          ? parties.filter((e) => ACTORS.has(e.kind) && e.kind !== 'Person')
          : [subject];
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
    if (reading.event && !reading.type) {
      // Who acts and with whom: the subject, and the first actor after the verb.
      const other = parties.find(
        (e) => e.start >= verb.end && ACTORS.has(e.kind) && e.id !== subject?.id,
      );
      const participants = [subject, other].flatMap((e) => (e ? [e.id] : []));
      if (participants.length > 0)
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
  return { links, events };
}
