import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { DocumentSummary } from '../db/citation-row.ts';
import type { DocumentRow } from '../db/document-repository.ts';
import { NotFoundError } from '../errors.ts';

/** A source document: every fact in the graph cites one. */
export const DocumentRef = builder.loadableNode('Document', {
  description: 'A source document. Every fact in the graph cites one, with a verbatim quote.',
  // Citations bring a summary of their document along; its text is loaded only when asked for.
  id: { resolve: (doc: DocumentRow | DocumentSummary) => doc.id },
  load: (ids: string[], ctx): Promise<(DocumentRow | DocumentSummary)[]> =>
    ctx.repos.documents.byIds(ids),
  sort: (doc) => doc.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable, human-readable id of the document.' }),
    title: t.exposeString('title', { description: 'Title as the document gives it.' }),
    publisher: t.exposeString('publisher', { description: 'Who published it.' }),
    kind: t.exposeString('kind', { description: 'What sort of document it is.' }),
    language: t.exposeString('language', { description: 'Language code of the text.' }),
    note: t.exposeString('note', { nullable: true, description: "A curator's note, if any." }),
  }),
});

/**
 * What a document's full text adds to a query's cost: kilobytes of answer each (the seed's run to
 * 8 KB), where any other scalar is a few bytes and costs nothing.
 */
export const TEXT_COST = 50;

builder.objectField(DocumentRef, 'text', (t) =>
  t.string({
    description: `The full text, as imported. Costs ${TEXT_COST} (see the cost limit).`,
    extensions: { cost: TEXT_COST },
    resolve: async (doc, _args, ctx): Promise<string> =>
      doc.text ?? (await DocumentRef.getDataloader(ctx).load(doc.id)).text ?? '',
  }),
);

/** The slug a `document(id:)` argument names: a slug, or a Document's global id. */
function documentSlug(value: string): string {
  try {
    const { typename, id } = decodeGlobalID(value);
    if (typename === 'Document') return id;
  } catch {
    // Not a global id: a slug.
  }
  return value;
}

builder.queryFields((t) => ({
  document: t.field({
    type: DocumentRef,
    nullable: true,
    description:
      'A source document by its slug ("tass-russian-israeli-relations") or its global id; null ' +
      'with a NOT_FOUND error (at its path) when there is none.',
    args: {
      id: t.arg.id({
        required: true,
        description: 'The document: its slug or its global id (`id`).',
      }),
    },
    resolve: async (_root, { id }, ctx) => {
      const slug = documentSlug(String(id));
      const [found] = await ctx.repos.documents.byIds([slug]);
      if (!found) throw new NotFoundError(`No document has the id "${id}".`);
      return found;
    },
  }),
  documents: t.field({
    type: [DocumentRef],
    description: 'Every source document, in title order.',
    resolve: async (_root, _args, ctx) => ctx.repos.documents.list(100),
  }),
}));
