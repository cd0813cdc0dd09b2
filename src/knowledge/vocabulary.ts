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

/**
 * The dates each kind carries, declared once, with what each means. A source file states them,
 * the importer stores each as flat properties (`<name>`, `<name>Start`, … see
 * DATE_PROPERTY_SUFFIXES), the API answers each as a DateDetail field of the kind (`t.dates`).
 * `placing` dates place an entity in time: the first present sets its date order (`sortDate`), and
 * the timeline shows the kind at the first of them.
 */
export const KIND_DATES = {
  Treaty: {
    signed: { placing: true, description: 'When it was signed, as precisely as the source says.' },
    inForce: { placing: true, description: 'When it entered into force, where stated.' },
    proposed: {
      description:
        'When an initiative or plan was put forward, for one the sources do not say was signed.',
    },
  },
  Incident: {
    date: { placing: true, description: 'When it happened, as precisely as the source says.' },
  },
  Event: {
    date: { placing: true, description: 'When it happened, as precisely as the source says.' },
  },
  UNResolution: { date: { placing: true, description: 'When it was adopted, where stated.' } },
  Conflict: {
    start: { placing: true, description: 'When it began, where stated.' },
    end: { description: 'When it ended, where stated.' },
  },
  Figure: { period: { placing: true, description: 'The period it covers, where stated.' } },
  StatusPeriod: {
    validFrom: { placing: true, description: 'When the period began.' },
    validTo: {
      description: 'When it ended (the first day of the next period); null while it holds.',
    },
  },
} as const satisfies {
  [K in EntityKind]?: Record<string, { placing?: true; description: string }>;
};

/** The kinds that carry dates. */
export type DatedKind = keyof typeof KIND_DATES;

/** The names of the dates a kind carries. */
export type DateName<K extends DatedKind> = keyof (typeof KIND_DATES)[K] & string;

/** The dates a link may carry: when its fact happened, and from and until when it holds. */
export const LINK_DATES = ['date', 'validFrom', 'validTo'] as const;

const datedKinds = Object.keys(KIND_DATES) as DatedKind[];

/** The names of the dates of `kind`, in the order declared (none for a kind without dates). */
export const datesOf = (kind: EntityKind): readonly string[] =>
  kind in KIND_DATES ? Object.keys(KIND_DATES[kind as DatedKind]) : [];

/** The placing dates of `kind`, first first. */
const placingDatesOf = (kind: DatedKind): string[] =>
  Object.entries(KIND_DATES[kind]).flatMap(([name, date]) =>
    'placing' in date && date.placing ? [name] : [],
  );

/** Every date property name a fact may carry: the kinds' and the links'. */
export const DATE_NAMES: readonly string[] = [
  ...new Set([...datedKinds.flatMap(datesOf), ...LINK_DATES]),
];

/** The dates that set an entity's date order, the first present first (kinds hold their own only). */
export const SORT_DATE_NAMES: readonly string[] = [...new Set(datedKinds.flatMap(placingDatesOf))];

/** The date each dated kind is placed at on the timeline. */
export const TIMELINE_DATES = Object.fromEntries(
  datedKinds.map((kind) => [kind, placingDatesOf(kind)[0] as string]),
) as Record<DatedKind, string>;
