import { builder } from '../builder.ts';
import { LINK_ENDPOINTS } from '../knowledge/link-endpoints.ts';
import { LINK_TYPE_NAMES, LINK_TYPES, type LinkType } from '../knowledge/vocabulary.ts';
import { EntityKindEnum, LinkTypeEnum } from './enums.ts';

interface LinkTypeRow {
  type: LinkType;
}

/** One link type of the vocabulary with the kinds it may join: what a client's form offers. */
const LinkTypeInfoRef = builder.objectRef<LinkTypeRow>('LinkTypeInfo').implement({
  description: 'A link type of the vocabulary, what it means, and the kinds of entity it may join.',
  fields: (t) => ({
    type: t.field({ type: LinkTypeEnum, description: 'The type.', resolve: (r) => r.type }),
    description: t.string({
      description: 'What it means.',
      resolve: (r) => LINK_TYPES[r.type],
    }),
    fromKinds: t.field({
      type: [EntityKindEnum],
      description: 'The kinds of entity it may point from.',
      resolve: (r) => [...LINK_ENDPOINTS[r.type].from],
    }),
    toKinds: t.field({
      type: [EntityKindEnum],
      description: 'The kinds of entity it may point to.',
      resolve: (r) => [...LINK_ENDPOINTS[r.type].to],
    }),
  }),
});

builder.queryField('linkTypes', (t) =>
  t.field({
    type: [LinkTypeInfoRef],
    description:
      'The vocabulary’s link types, each with the kinds it may join (as the write checks them); ' +
      'readable where introspection is off.',
    resolve: () => LINK_TYPE_NAMES.map((type) => ({ type })),
  }),
);
