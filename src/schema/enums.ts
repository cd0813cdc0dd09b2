import { builder } from '../builder.ts';
import { ENTITY_KINDS, LINK_TYPES, type LinkType } from '../knowledge/vocabulary.ts';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of entity in the graph.',
  values: ENTITY_KINDS,
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
