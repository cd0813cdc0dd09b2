import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { CitationRow } from '../db/citation-row.ts';
import { dateDetailOf } from '../db/date-detail.ts';
import type { FactFilter, StatedLinkRow } from '../db/document-facts-repository.ts';
import { ValidationError } from '../errors.ts';
import type { EntityKind, LinkType } from '../knowledge/vocabulary.ts';
import { windowOf } from '../paging.ts';
import { CitationRef, linkCitations } from './citation.ts';
import { DateDetailRef } from './date-detail.ts';
import { DocumentRef } from './document.ts';
import { EntityRef } from './entity.ts';
import { namedSlug } from './entity-arg.ts';
import { EntityKindEnum, LinkDirectionEnum, LinkTypeEnum } from './enums.ts';
import { factsLoader } from './loaders.ts';
import { connectionOf } from './pagination.ts';

/** A link as a document states it: its two ends, what it means, when, and in which words. */
export const StatedLinkRef = builder.objectRef<StatedLinkRow>('Link').implement({
  description: 'A link between two entities, as stored (from → to), with what it means and when.',
  fields: (t) => ({
    type: t.field({
      type: LinkTypeEnum,
      description: 'What the link means.',
      resolve: (l) => l.type,
    }),
    from: t.field({
      type: EntityRef,
      description: 'The entity it points from.',
      resolve: (l) => l.from,
    }),
    to: t.field({ type: EntityRef, description: 'The entity it points to.', resolve: (l) => l.to }),
    role: t.string({
      nullable: true,
      description: 'How the entity takes part: an office, a role, "de jure", …',
      resolve: (l) => (typeof l.properties.role === 'string' ? l.properties.role : null),
    }),
    date: t.field({
      type: DateDetailRef,
      nullable: true,
      description: 'When the linked fact happened, if dated.',
      resolve: (l) => dateDetailOf(l.properties, 'date'),
    }),
    validFrom: t.field({
      type: DateDetailRef,
      nullable: true,
      description: 'From when the link holds, if stated.',
      resolve: (l) => dateDetailOf(l.properties, 'validFrom'),
    }),
    validTo: t.field({
      type: DateDetailRef,
      nullable: true,
      description: 'Until when the link holds, if stated (periods are half-open).',
      resolve: (l) => dateDetailOf(l.properties, 'validTo'),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Every document and verbatim quote that states the link.',
      resolve: (l) => linkCitations(l.properties),
    }),
  }),
});

/** The quotes an edge of a document's facts carries (see the resolvers below). */
const citationsOf = (edge: unknown) => (edge as { citations: CitationRow[] }).citations;

/** The quotes of one document among a fact's citations. */
const quotesOf = (citations: CitationRow[], documentId: string) =>
  citations.filter((citation) => citation.documentId === documentId);

const StatedEntityConnection = builder.connectionObject(
  {
    type: EntityRef,
    name: 'StatedEntityConnection',
    description: 'A page of the entities a document states.',
  },
  {
    name: 'StatedEntityEdge',
    description: 'An entity the document states, and the quotes that state it.',
    fields: (e) => ({
      citations: e.field({
        type: [CitationRef],
        description:
          'The quotes of this document that state the entity, each with its position in the ' +
          'document’s text.',
        resolve: citationsOf,
      }),
    }),
  },
);

const StatedLinkConnection = builder.connectionObject(
  {
    type: StatedLinkRef,
    name: 'StatedLinkConnection',
    description: 'A page of the links a document states.',
  },
  {
    name: 'StatedLinkEdge',
    description: 'A link the document states, and the quotes that state it.',
    fields: (e) => ({
      citations: e.field({
        type: [CitationRef],
        description:
          'The quotes of this document that state the link, each with its position in the ' +
          'document’s text.',
        resolve: citationsOf,
      }),
    }),
  },
);

/** The arguments that filter a document's facts, as an entity's own links are filtered. */
function factFilterArgs(of: 'entities' | 'links') {
  return builder.args((t) => ({
    types: t.field({
      type: [LinkTypeEnum],
      required: false,
      description:
        of === 'links'
          ? 'Only links of these types.'
          : 'Only entities a link of these types (stated by this document) joins to another.',
    }),
    involving: t.id({
      required: false,
      description:
        of === 'links'
          ? 'Only links with this entity at one end (its slug or global id).'
          : 'Only entities a link of this document joins to this entity (its slug or global id).',
    }),
    direction: t.field({
      type: LinkDirectionEnum,
      required: false,
      description:
        'With `involving`: only links pointing this way from that entity (default BOTH).',
    }),
    kinds: t.field({
      type: [EntityKindEnum],
      required: false,
      description:
        of === 'links'
          ? 'Only links whose other end (with `involving`), or either end, is of these kinds.'
          : 'Only entities of these kinds.',
    }),
  }));
}

/** The filter the arguments ask for; a direction without `involving` is a mistake. */
async function factFilter(
  ctx: Context,
  args: {
    types?: readonly LinkType[] | null;
    involving?: string | number | null;
    direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
    kinds?: readonly EntityKind[] | null;
  },
): Promise<FactFilter> {
  if (args.direction && args.direction !== 'BOTH' && args.involving == null) {
    throw new ValidationError('direction: only with involving (the entity it is seen from)');
  }
  return {
    types: args.types?.length ? args.types : null,
    involving:
      args.involving == null ? null : await namedSlug(ctx, String(args.involving), 'involving'),
    direction: args.direction ?? 'BOTH',
    kinds: args.kinds?.length ? args.kinds : null,
  };
}

builder.objectFields(DocumentRef, (t) => ({
  entities: t.connection(
    {
      type: EntityRef,
      description:
        'The entities this document states, by name, each edge with the quotes that state it ' +
        "and where they lie in `text`; filtered as an entity's own `links` are.",
      args: factFilterArgs('entities'),
      resolve: async (doc, args, ctx) => {
        const filter = await factFilter(ctx, args);
        const page = await factsLoader(ctx, 'entities', windowOf(args), filter).load(doc.id);
        return connectionOf(page, (row) => ({
          node: row.node,
          citations: row.quotes.map((quote) => ({ documentId: doc.id, quote, note: row.note })),
        }));
      },
    },
    StatedEntityConnection,
  ),
  links: t.connection(
    {
      type: StatedLinkRef,
      description:
        'The links this document states, by type and then by the names of their ends, each ' +
        'edge with the quotes of this document that state it and where they lie in `text`; ' +
        "filtered as an entity's own `links` are (what the document says about one entity: " +
        '`involving`).',
      args: factFilterArgs('links'),
      resolve: async (doc, args, ctx) => {
        const filter = await factFilter(ctx, args);
        const page = await factsLoader(ctx, 'links', windowOf(args), filter).load(doc.id);
        return connectionOf(page, (row) => ({
          node: row,
          citations: quotesOf(linkCitations(row.properties), doc.id),
        }));
      },
    },
    StatedLinkConnection,
  ),
}));
