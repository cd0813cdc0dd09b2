import { builder } from '../builder.ts';
import type { DocumentRow } from '../db/document-repository.ts';

/** A source document: every fact in the graph cites one. */
export const DocumentRef = builder.loadableNode('Document', {
  description: 'A source document. Every fact in the graph cites one, with a verbatim quote.',
  id: { resolve: (doc: DocumentRow) => doc.id },
  load: (ids: string[], ctx) => ctx.repos.documents.byIds(ids),
  sort: (doc) => doc.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable, human-readable id of the document.' }),
    title: t.exposeString('title', { description: 'Title as the document gives it.' }),
    publisher: t.exposeString('publisher', { description: 'Who published it.' }),
    kind: t.exposeString('kind', { description: 'What sort of document it is.' }),
    language: t.exposeString('language', { description: 'Language code of the text.' }),
    text: t.exposeString('text', { description: 'The full text, as imported.' }),
    note: t.exposeString('note', { nullable: true, description: "A curator's note, if any." }),
  }),
});

builder.queryFields((t) => ({
  documents: t.field({
    type: [DocumentRef],
    description: 'Every source document, in title order.',
    resolve: async (_root, _args, ctx) => ctx.repos.documents.list(100),
  }),
}));
