import { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { LINK_TYPE_NAMES } from '../knowledge/vocabulary.ts';
import { plannedCitations } from '../planner/planned.ts';
import { CitationRef } from './citation.ts';
import { EntityKindEnum, LinkDirectionEnum, LinkTypeEnum } from './enums.ts';
import { citationLoader, entityLoader } from './loaders.ts';

/** What every entity of the graph has, whatever its kind. */
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');

EntityRef.implement({
  description:
    'An entity of the knowledge graph: a country, person, treaty, event, … Every one cites its sources.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (row) => row.kind,
  fields: (t) => ({
    slug: t.property('id', {
      type: 'String',
      description: 'Stable, human-readable id, e.g. "russia".',
    }),
    kind: t.property('kind', { type: EntityKindEnum, description: 'Which kind of entity.' }),
    name: t.property('name', {
      type: 'String',
      description: 'Name as the sources most often write it.',
    }),
    aliases: t.property('aliases', {
      type: ['String'],
      description:
        'Other names, spellings and abbreviations ("USSR", "Soviet Union"), curator-added ones included.',
    }),
    curatorAliases: t.property('curatorAliases', {
      type: ['String'],
      description:
        'The aliases a curator added that the documents do not use: a usual spelling a user will ' +
        'type ("Pankin" for a source\'s "Pankov"). Searched like the others.',
      from: (aliases) => (aliases as string[] | undefined) ?? [],
    }),
    accordingTo: t.property('accordingTo', {
      type: EntityRef,
      nullable: true,
      description:
        'Who the document attributes this to ("according to …", "… said"): a statement or an ' +
        'actor. Null when the document states it itself.',
      from: (slug, ctx) => (typeof slug === 'string' ? entityLoader(ctx).load(slug) : null),
    }),
    description: t.property('description', {
      type: 'String',
      description: 'A short description.',
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'The documents and verbatim quotes that state this entity.',
      reads: 'citations',
      resolve: (row, _args, ctx) => plannedCitations(row) ?? citationLoader(ctx).load(row.id),
    }),
    links: t.links({
      target: EntityRef,
      description:
        'Every link of this entity, filtered by type, direction and the other end’s kind.',
      spec: (args) => ({
        types: args.types?.length ? args.types : LINK_TYPE_NAMES,
        direction: args.direction ?? 'BOTH',
        kinds: args.kinds?.length ? args.kinds : undefined,
      }),
      args: {
        types: t.arg({
          type: [LinkTypeEnum],
          required: false,
          description: 'Only these link types.',
        }),
        direction: t.arg({
          type: LinkDirectionEnum,
          required: false,
          description: 'Only this way.',
        }),
        kinds: t.arg({
          type: [EntityKindEnum],
          required: false,
          description: 'Only to these kinds.',
        }),
      },
    }),
  }),
});
