import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { StatedLinkRow } from '../../db/document-facts-repository.ts';
import type { EntityRow } from '../../db/entity-row.ts';
import { sourcesOf } from '../../write/revisions.ts';
import { entityEntry, linkEntryOf, type Source } from '../../write/source-edits.ts';
import { StatedLinkRef } from '../document-facts.ts';
import { EntityRef } from '../entity.ts';
import { JsonScalar, linkKeyOf } from './revision.ts';

// A document's stored source file, read once per request whatever the number of entries asked of
// it: a list of links each asking for its entry makes one query.
const sourceLoaders = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, Source | null>(async (documents) => {
      const found = await sourcesOf(ctx.writes.db, documents);
      return documents.map((id) => {
        const source = found.get(id);
        return source ? (JSON.parse(source) as Source) : null;
      });
    }),
);

const documentArg = 'Slug of the document whose source file states it.';

builder.interfaceField(EntityRef, 'sourceEntry', (t) =>
  t.field({
    type: JsonScalar,
    nullable: true,
    description:
      'The entry of `document`’s source file that declares this entity, exactly as stored: what ' +
      '`correctEntity` takes, to edit and send back whole. Null when that document does not declare it.',
    args: { document: t.arg.string({ required: true, description: documentArg }) },
    // Answered from the entity's id alone.
    reads: { properties: [] },
    resolve: async (entity: EntityRow, args, ctx) => {
      const source = await sourceLoaders(ctx).load(args.document);
      return source ? entityEntry(source, entity.id) : null;
    },
  }),
);

builder.objectField(StatedLinkRef, 'sourceEntry', (t) =>
  t.field({
    type: JsonScalar,
    nullable: true,
    description:
      'The entry of `document`’s source file that states this link, exactly as stored: what ' +
      '`correctLink` takes, to edit and send back whole. Null when that document does not state it.',
    args: { document: t.arg.string({ required: true, description: documentArg }) },
    resolve: async (link: StatedLinkRow, args, ctx) => {
      const source = await sourceLoaders(ctx).load(args.document);
      return source ? linkEntryOf(source, linkKeyOf(link)) : null;
    },
  }),
);
