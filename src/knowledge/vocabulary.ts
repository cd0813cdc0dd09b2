/** The kinds of entity (Neo4j labels) and of link (relationship types) the graph speaks. */

export const ENTITY_KINDS = [
  'Country',
  'Person',
  'Treaty',
  'Incident',
  'Event',
  'UNResolution',
  'Organization',
  'Place',
  'Conflict',
  'Figure',
  'Equipment',
  'StatusPeriod',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Every entity also carries this label, which backs the id constraint and the full-text index. */
export const ENTITY_LABEL = 'Entity';

/** Relationship types with what they mean; `cypher/vocabulary.md` is the prose version. */
export const LINK_TYPES = {
  PARTY_TO: 'A country or organisation is a party to a treaty or agreement.',
  PARTICIPATED_IN: 'An actor took part in an event, incident or conflict (role says how).',
  HELD_OFFICE: 'A person held an office (role) of a country or organisation.',
  LOCATED_IN: 'A place, event or incident is located in a place or country.',
  MEMBER_OF: 'An actor is a member of an organisation or group.',
  PART_OF: 'An organisation, place or event is part of a larger one.',
  SUCCESSOR_OF: 'A state is the successor of another.',
  RECOGNIZED:
    'An actor recognised another entity (role says as what: de jure, successor, capital).',
  BLAMED: 'An actor or statement blamed another actor.',
  CAUSED:
    'From cause to effect: the source gives the reason (because, as a sign of, a pretext, in response to).',
  CONCERNS: 'An event, statement, treaty, resolution or figure concerns an entity.',
  CITES: 'An actor or statement cites, or is guided by, a resolution, treaty or initiative.',
  SOURCED_FROM:
    'A figure or statement of fact comes from a data source ("according to Russia’s Federal Customs Service").',
  SUPPORTS: 'An actor supports another actor or a position.',
  OPPOSES: 'An actor opposes or rejects another actor, position or act.',
  CONDEMNS: 'An actor condemns an act or actor.',
  SUPPLIED: 'An actor supplied equipment or support to another (the recipient, or the equipment).',
  DOWNED_BY: 'An aircraft was downed by a weapon system or actor.',
  TARGETED: 'A weapon or actor targeted another.',
  ATTACKED: 'An actor attacked a target.',
  USES: 'An actor operates or uses equipment.',
  ESTABLISHED: 'An actor founded or set up an organisation or mechanism (it came into being).',
  PROPOSED:
    'An actor proposed or put forward a plan, treaty or initiative (not that it came into being).',
  OF_TYPE: 'An individual item (an aircraft, a missile) is of an equipment type.',
  TIES_WITH:
    'An actor has close ties to another, as the source says, without saying it supports it.',
  ABSTAINS_FROM:
    'An actor states it takes no part in, or supports no party to, a conflict or process (role says which).',
  OUTLAWED: 'A state outlawed (banned) an organisation.',
  BETWEEN: 'A diplomatic status period holds between these countries.',
  OPENED: 'An event opened a diplomatic status period.',
  CLOSED: 'An event closed a diplomatic status period.',
  MEASURES: 'A figure measures something of a country, relation or organisation.',
  FOLLOWED:
    'From the later to the earlier: it came after the other, and the source says no more ("after the incident").',
  DENIES:
    'An actor or statement denies a fact, or the claim of another (role says what it denies).',
  OMITS:
    'An account (a statement, an actor’s report) does not mention something another party reports ("the Kremlin’s account did not mention an apology").',
} as const;
export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as [LinkType, ...LinkType[]];

/** Diplomatic status values a StatusPeriod can have, with what they mean. */
export const DIPLOMATIC_STATUS_MEANINGS = {
  full: 'Full diplomatic relations: embassies, ambassadors.',
  severed: 'Relations broken off by an act of one side (or both): no diplomatic relations at all.',
  consular: 'Consular relations only, without full diplomatic relations.',
  suspended:
    'Relations that still exist in law but are not conducted for a time (missions recalled, not closed).',
} as const;
/** Words a quote uses when it states a period's status ("severed", "consular", "full-fledged"). */
export const STATUS_WORDS: Record<keyof typeof DIPLOMATIC_STATUS_MEANINGS, RegExp> = {
  full: /\bfull|\brestored\b|\bestablished diplomatic relations\b/i,
  severed: /\bsever|\bbr(?:oke|eak)\b/i,
  consular: /\bconsular\b/i,
  suspended: /\bsuspend/i,
};

export const DIPLOMATIC_STATUSES = Object.keys(DIPLOMATIC_STATUS_MEANINGS) as [
  keyof typeof DIPLOMATIC_STATUS_MEANINGS,
  ...(keyof typeof DIPLOMATIC_STATUS_MEANINGS)[],
];
