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
  CAUSED: 'An event or incident caused or led to another.',
  CONCERNS: 'An event, statement, treaty, resolution or figure concerns an entity.',
  CITES: 'An actor or statement cites, or is guided by, a resolution, treaty or initiative.',
  SUPPORTS: 'An actor supports another actor or a position.',
  OPPOSES: 'An actor opposes or rejects another actor, position or act.',
  CONDEMNS: 'An actor condemns an act or actor.',
  SUPPLIED: 'An actor supplied equipment or support to another (the recipient, or the equipment).',
  DOWNED_BY: 'An aircraft was downed by a weapon system or actor.',
  TARGETED: 'A weapon or actor targeted another.',
  ATTACKED: 'An actor attacked a target.',
  USES: 'An actor operates or uses equipment.',
  ESTABLISHED: 'An actor founded or set up an organisation or mechanism.',
  BETWEEN: 'A diplomatic status period holds between these countries.',
  OPENED: 'An event opened a diplomatic status period.',
  CLOSED: 'An event closed a diplomatic status period.',
  MEASURES: 'A figure measures something of a country, relation or organisation.',
  FOLLOWED: 'An event followed another (sequence stated by the source, without causation).',
} as const;
export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as [LinkType, ...LinkType[]];

/** Diplomatic status values a StatusPeriod can have. */
export const DIPLOMATIC_STATUSES = ['full', 'severed', 'consular', 'suspended'] as const;
