import { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { LINK_TYPE_NAMES } from '../knowledge/vocabulary.ts';
import { plannedCitations } from '../planner/planned.ts';
import { readsExtension } from '../planner/reads.ts';
import { CitationRef } from './citation.ts';
import { EntityKindEnum, LinkDirectionEnum, LinkTypeEnum } from './enums.ts';
import { linkConnection } from './link-connection.ts';
import { citationLoader, entityLoader } from './loaders.ts';

/** What every entity of the graph has, whatever its kind. */
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');

EntityRef.implement({
  description:
    'An entity of the knowledge graph: a country, person, treaty, event, … Every one cites its sources.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (row) => row.kind,
  fields: (t) => ({
    slug: t.string({
      description: 'Stable, human-readable id, e.g. "russia".',
      extensions: readsExtension({ properties: ['id'] }),
      resolve: (r) => r.id,
    }),
    kind: t.field({
      type: EntityKindEnum,
      description: 'Which kind of entity.',
      extensions: readsExtension({ properties: ['kind'] }),
      resolve: (r) => r.kind,
    }),
    name: t.string({
      description: 'Name as the sources most often write it.',
      extensions: readsExtension({ properties: ['name'] }),
      resolve: (r) => r.name,
    }),
    aliases: t.stringList({
      description:
        'Other names, spellings and abbreviations ("USSR", "Soviet Union"), curator-added ones included.',
      extensions: readsExtension({ properties: ['aliases'] }),
      resolve: (r) => r.aliases,
    }),
    curatorAliases: t.stringList({
      description:
        'The aliases a curator added that the documents do not use: a usual spelling a user will ' +
        'type ("Pankin" for a source\'s "Pankov"). Searched like the others.',
      extensions: readsExtension({ properties: ['curatorAliases'] }),
      resolve: (r) => (r.curatorAliases as string[] | undefined) ?? [],
    }),
    accordingTo: t.field({
      type: EntityRef,
      nullable: true,
      description:
        'Who the document attributes this to ("according to …", "… said"): a statement or an ' +
        'actor. Null when the document states it itself.',
      extensions: readsExtension({ properties: ['accordingTo'] }),
      resolve: (r, _args, ctx) =>
        typeof r.accordingTo === 'string' ? entityLoader(ctx).load(r.accordingTo) : null,
    }),
    description: t.string({
      description: 'A short description.',
      extensions: readsExtension({ properties: ['description'] }),
      resolve: (r) => r.description,
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'The documents and verbatim quotes that state this entity.',
      extensions: readsExtension('citations'),
      resolve: (row, _args, ctx) => plannedCitations(row) ?? citationLoader(ctx).load(row.id),
    }),
    links: linkConnection(t, {
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
