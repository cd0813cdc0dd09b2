import { builder } from '../builder.ts';
import type { DocumentSummary } from '../db/citation-repository.ts';
import type { DocumentRow } from '../db/document-repository.ts';

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

builder.objectField(DocumentRef, 'text', (t) =>
  t.string({
    description: 'The full text, as imported.',
    resolve: async (doc, _args, ctx): Promise<string> =>
      doc.text ?? (await DocumentRef.getDataloader(ctx).load(doc.id)).text ?? '',
  }),
);

builder.queryFields((t) => ({
  documents: t.field({
    type: [DocumentRef],
    description: 'Every source document, in title order.',
    resolve: async (_root, _args, ctx) => ctx.repos.documents.list(100),
  }),
}));
