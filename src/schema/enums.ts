import { builder } from '../builder.ts';
import {
  ENTITY_KINDS,
  type EntityKind,
  LINK_TYPES,
  type LinkType,
} from '../knowledge/vocabulary.ts';

const KIND_DESCRIPTIONS: Record<EntityKind, string> = {
  Country: 'A state, including former ones.',
  Person: 'A person: a leader, minister, spokesman.',
  Treaty: 'A treaty, agreement or initiative.',
  Incident: 'An incident.',
  Event: 'Something that happened: a visit, meeting, recognition, statement.',
  UNResolution: 'A resolution of a UN organ.',
  Organization: 'An organisation, body, force or group.',
  Place: 'A place.',
  Conflict: 'A war or armed conflict.',
  Figure: 'A number with its unit and period.',
  Equipment: 'An aircraft or weapon system.',
  StatusPeriod: 'A period of one diplomatic status between two countries.',
};

/** A kind's enum name, as GraphQL names enum values: `UNResolution` → `UN_RESOLUTION`. */
export const kindEnumName = (kind: EntityKind) =>
  kind
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();

export const EntityKindEnum = builder.enumType('EntityKind', {
  description:
    'The kinds of entity in the graph. Each value names the GraphQL type of that kind ' +
    '(COUNTRY: Country, UN_RESOLUTION: UNResolution, …), which `__typename` gives.',
  values: Object.fromEntries(
    ENTITY_KINDS.map((kind) => [
      kindEnumName(kind),
      { value: kind, description: KIND_DESCRIPTIONS[kind] },
    ]),
  ) as Record<string, { value: EntityKind; description: string }>,
});

export const LinkTypeEnum = builder.enumType('LinkType', {
  description: 'What a link between two entities means.',
  values: Object.fromEntries(
    Object.entries(LINK_TYPES).map(([name, description]) => [name, { description }]),
  ) as Record<LinkType, { description: string }>,
});

export const LinkDirectionEnum = builder.enumType('LinkDirection', {
  description: 'Which way a link points, seen from the entity whose links are listed.',
  values: {
    OUTGOING: { description: 'From this entity to the other.' },
    INCOMING: { description: 'From the other entity to this one.' },
    BOTH: { description: 'Either way (as a filter only).' },
  } as const,
});
