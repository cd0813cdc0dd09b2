import { ENTITY_KINDS, type EntityKind, type LinkType } from './vocabulary.ts';

/** The kinds each link type may join: `from` kinds and `to` kinds. */
export interface Endpoints {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
}

const ACTORS = ['Country', 'Person', 'Organization'] as const;
const HAPPENINGS = ['Event', 'Incident', 'Conflict'] as const;
const ANY = ENTITY_KINDS;

/**
 * Allowed endpoint kinds per link type. Kept apart from the table of meanings so that a new link
 * type is added in both places; the type checker refuses a link type without endpoints.
 */
export const LINK_ENDPOINTS: Record<LinkType, Endpoints> = {
  PARTY_TO: { from: ['Country', 'Organization'], to: ['Treaty'] },
  PARTICIPATED_IN: { from: [...ACTORS, 'Equipment'], to: HAPPENINGS },
  HELD_OFFICE: { from: ['Person'], to: ['Country', 'Organization'] },
  LOCATED_IN: { from: ['Place', 'Organization', ...HAPPENINGS], to: ['Place', 'Country'] },
  MEMBER_OF: { from: ACTORS, to: ['Organization'] },
  PART_OF: {
    from: ['Organization', 'Place', ...HAPPENINGS],
    to: ['Organization', 'Place', 'Country', ...HAPPENINGS],
  },
  SUCCESSOR_OF: { from: ['Country', 'Organization'], to: ['Country', 'Organization'] },
  RECOGNIZED: { from: ACTORS, to: ANY },
  BLAMED: { from: [...ACTORS, ...HAPPENINGS], to: ACTORS },
  CAUSED: { from: HAPPENINGS, to: HAPPENINGS },
  CONCERNS: {
    from: ['Treaty', 'UNResolution', 'Figure', 'Organization', ...HAPPENINGS],
    to: ANY,
  },
  CITES: {
    from: [...ACTORS, 'Event', 'Figure'],
    to: ['UNResolution', 'Treaty', 'Organization', 'Event'],
  },
  SOURCED_FROM: { from: ['Figure', 'Event'], to: ['Organization'] },
  SUPPORTS: { from: ACTORS, to: ANY },
  OPPOSES: { from: ACTORS, to: ANY },
  CONDEMNS: { from: ACTORS, to: ANY },
  SUPPLIED: { from: ACTORS, to: [...ACTORS, 'Equipment'] },
  DOWNED_BY: { from: ['Equipment'], to: ['Equipment', ...ACTORS] },
  TARGETED: { from: ['Equipment', ...ACTORS, 'Event'], to: ['Equipment', 'Place', ...ACTORS] },
  ATTACKED: { from: ['Equipment', ...ACTORS], to: ['Equipment', 'Place', ...ACTORS] },
  USES: { from: ACTORS, to: ['Equipment'] },
  ESTABLISHED: { from: ACTORS, to: ['Organization', 'Treaty'] },
  PROPOSED: { from: ACTORS, to: ['Treaty', 'Event'] },
  OF_TYPE: { from: ['Equipment'], to: ['Equipment'] },
  TIES_WITH: { from: ACTORS, to: ACTORS },
  ABSTAINS_FROM: { from: ACTORS, to: HAPPENINGS },
  OUTLAWED: { from: ['Country'], to: ['Organization'] },
  BETWEEN: { from: ['StatusPeriod'], to: ['Country'] },
  OPENED: { from: ['Event', 'Incident'], to: ['StatusPeriod'] },
  CLOSED: { from: ['Event', 'Incident'], to: ['StatusPeriod'] },
  MEASURES: { from: ['Figure'], to: ANY.filter((kind) => kind !== 'Figure') },
  FOLLOWED: { from: HAPPENINGS, to: HAPPENINGS },
  DENIES: { from: [...ACTORS, 'Event'], to: ANY },
  OMITS: { from: [...ACTORS, 'Event'], to: ANY },
};

/** Why a link of `type` cannot join these kinds, or undefined when it can. */
export function endpointProblem(type: LinkType, from: string, to: string): string | undefined {
  const allowed = LINK_ENDPOINTS[type];
  const wrong: string[] = [];
  if (!(allowed.from as readonly string[]).includes(from))
    wrong.push(`from a ${from} (allowed: ${allowed.from.join(', ')})`);
  if (!(allowed.to as readonly string[]).includes(to))
    wrong.push(`to a ${to} (allowed: ${allowed.to.join(', ')})`);
  return wrong.length > 0 ? `a ${type} link cannot go ${wrong.join(' or ')}` : undefined;
}

/** Kinds as data/README.md lists them: `any`, `any but Figure`, or the kinds. */
export function describeKinds(kinds: readonly EntityKind[]): string {
  const missing = ENTITY_KINDS.filter((kind) => !kinds.includes(kind));
  if (missing.length === 0) return 'any';
  if (missing.length === 1) return `any but ${missing[0]}`;
  return kinds.join(', ');
}
