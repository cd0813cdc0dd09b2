import type { LinkType } from '../gql/graphql.ts';

/**
 * How each link type reads from either end: [from the entity that has it outgoing, from the one it
 * points at]. "Came after" / "followed by" instead of an arrow before the type's name, which reads
 * backwards for half the types. Typed by the schema's enum, so a new type fails tsc until it reads.
 */
export const LINK_PHRASES: Record<LinkType, readonly [outgoing: string, incoming: string]> = {
  PARTY_TO: ['party to', 'parties'],
  PARTICIPATED_IN: ['took part in', 'participants'],
  HELD_OFFICE: ['held office in', 'office holders'],
  LOCATED_IN: ['located in', 'location of'],
  MEMBER_OF: ['member of', 'members'],
  PART_OF: ['part of', 'has as a part'],
  SUCCESSOR_OF: ['successor of', 'succeeded by'],
  RECOGNIZED: ['recognised', 'recognised by'],
  BLAMED: ['blamed', 'blamed by'],
  CAUSED: ['caused', 'caused by'],
  CONCERNS: ['concerns', 'concerned by'],
  CITES: ['cites', 'cited by'],
  SOURCED_FROM: ['according to', 'source of'],
  SUPPORTS: ['supports', 'supported by'],
  OPPOSES: ['opposes', 'opposed by'],
  CONDEMNS: ['condemns', 'condemned by'],
  SUPPLIED: ['supplied', 'supplied by'],
  DOWNED_BY: ['downed by', 'downed'],
  TARGETED: ['targeted', 'targeted by'],
  ATTACKED: ['attacked', 'attacked by'],
  USES: ['uses', 'used by'],
  ESTABLISHED: ['established', 'established by'],
  PROPOSED: ['proposed', 'proposed by'],
  OF_TYPE: ['of the type', 'items of this type'],
  TIES_WITH: ['has ties with', 'has ties with'],
  ABSTAINS_FROM: ['stays out of', 'stayed out of by'],
  OUTLAWED: ['outlawed', 'outlawed by'],
  BETWEEN: ['between', 'status periods'],
  OPENED: ['opened', 'opened by'],
  CLOSED: ['closed', 'closed by'],
  MEASURES: ['measures', 'measured by'],
  FOLLOWED: ['came after', 'followed by'],
  DENIES: ['denies', 'denied by'],
  OMITS: ['leaves out', 'left out by'],
};

/** A link as it reads from one of its ends: outgoing (or both ways) or incoming. */
export function linkPhrase(type: LinkType, direction: 'OUTGOING' | 'INCOMING' | 'BOTH'): string {
  const [outgoing, incoming] = LINK_PHRASES[type];
  return direction === 'INCOMING' ? incoming : outgoing;
}
