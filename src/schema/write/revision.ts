import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { StatedLinkRow } from '../../db/document-facts-repository.ts';
import type { EntityRow } from '../../db/entity-row.ts';
import { listRevisions, type RevisionFilter, type RevisionRow } from '../../write/revisions.ts';
import { DocumentRef } from '../document.ts';
import { StatedLinkRef } from '../document-facts.ts';
import { EntityRef } from '../entity.ts';

/** Any JSON value: a source file's entry, as data/README.md describes it. */
export const JsonScalar = builder.scalarType('JSON', {
  description: 'A JSON value: here, an entry of a source file as data/README.md describes it.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** One change to the graph: who made it, when, why, to which document, before and after. */
export const RevisionRef = builder.objectRef<RevisionRow>('Revision').implement({
  description:
    'One change to the graph, numbered in order: who, when, why, which document, and the source ' +
    'entry before and after. The import of a whole file is one revision too.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Its place in the log: 1 is the first.' }),
    at: t.exposeString('at', { description: 'When it was committed (ISO 8601, UTC).' }),
    author: t.exposeString('authorName', {
      description: 'The name of the API key that made it, or "import".',
    }),
    reason: t.exposeString('reason', { description: 'Why, as its author said.' }),
    action: t.exposeString('action', {
      description: 'What was done: import, addDocument, addEntity, correctLink, revert, …',
    }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      description: 'The document whose statements changed (null once it is gone).',
      resolve: (r) => r.document,
    }),
    entitySlugs: t.exposeStringList('entities', {
      description: 'Slugs of the entities it changed (for a link, its two ends).',
    }),
    linkKeys: t.exposeStringList('links', {
      description: 'The links it changed, as "TYPE|from|to|key".',
    }),
    before: t.field({
      type: JsonScalar,
      nullable: true,
      description: 'The source entry before (null for an addition or a whole file).',
      resolve: (r) => (r.before === null ? null : JSON.parse(r.before)),
    }),
    after: t.field({
      type: JsonScalar,
      nullable: true,
      description: 'The source entry after (null for a retraction or a whole file).',
      resolve: (r) => (r.after === null ? null : JSON.parse(r.after)),
    }),
    revertOf: t.exposeInt('revertOf', {
      nullable: true,
      description: 'The revision this one undoes, if it is a revert.',
    }),
  }),
});

/** The one connection type of revisions, shared by `changes` and every `history`. */
const RevisionConnection = builder.connectionObject(
  { type: RevisionRef, name: 'RevisionConnection', description: 'A page of revisions.' },
  { name: 'RevisionEdge', description: 'A revision in a list, with its cursor.' },
);

const FilterInput = builder.inputType('ChangeFilter', {
  description: 'Which changes to list; every given field must match.',
  fields: (t) => ({
    author: t.string({ description: 'The name (or id) of the API key that made them.' }),
    document: t.string({ description: 'The slug of the document they changed.' }),
    since: t.string({ description: 'Made at or after this time (ISO 8601).' }),
    until: t.string({ description: 'Made before this time (ISO 8601).' }),
  }),
});

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of the revisions a filter selects, newest first, as a connection with its total. */
async function revisionPage(ctx: Context, filter: RevisionFilter, args: PageArgs) {
  let total = 0;
  const page = await resolveOffsetConnection(
    { args, defaultSize: 20, maxSize: 100 },
    async (window) => {
      const found = await listRevisions(ctx.writes.db, filter, window);
      total = found.total;
      return found.rows;
    },
  );
  return { ...page, totalCount: total };
}

builder.queryField('changes', (t) =>
  t.connection(
    {
      type: RevisionRef,
      description: 'The revision log, newest first: every change, by whom, when and why.',
      args: { filter: t.arg({ type: FilterInput, description: 'Which changes to list.' }) },
      resolve: (_root, args, ctx) => revisionPage(ctx, { ...args.filter }, args),
    },
    RevisionConnection,
  ),
);

builder.interfaceField(EntityRef, 'history', (t) =>
  t.connection(
    {
      type: RevisionRef,
      description: 'The revisions that changed what a document says of this entity, newest first.',
      // Answered from the entity's id alone.
      reads: { properties: [] },
      resolve: (entity: EntityRow, args, ctx) => revisionPage(ctx, { entity: entity.id }, args),
    },
    RevisionConnection,
  ),
);

builder.objectField(StatedLinkRef, 'history', (t) =>
  t.connection(
    {
      type: RevisionRef,
      description: 'The revisions that changed what a document says of this link, newest first.',
      resolve: (link, args, ctx) => revisionPage(ctx, { link: linkKeyOf(link) }, args),
    },
    RevisionConnection,
  ),
);

/** A link's identity in the revision log: type, ends and key. */
export function linkKeyOf(link: StatedLinkRow): string {
  return `${link.type}|${link.from.id}|${link.to.id}|${String(link.properties.key ?? '')}`;
}
