import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { CitationRow } from '../db/citation-row.ts';
import { quotePosition } from '../knowledge/quote-position.ts';
import { DocumentRef } from './document.ts';

/** A source for a fact: which document says it, in which words. */
export const CitationRef = builder.objectRef<CitationRow>('Citation').implement({
  description: 'Where a fact comes from: a document and the verbatim quote that states it.',
  fields: (t) => ({
    quote: t.exposeString('quote', {
      description: 'The words of the document that state the fact.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: "A curator's note on the source's wording (a doubtful name or date), if any.",
    }),
    description: t.string({
      nullable: true,
      description:
        'What this document says the entity is, in its own description (each document keeps ' +
        'its own; the entity’s description joins them); null on a link’s citation.',
      resolve: (citation) => {
        const said = citation.said ? (JSON.parse(citation.said) as { description?: unknown }) : {};
        return typeof said.description === 'string' ? said.description : null;
      },
    }),
    document: t.field({
      type: DocumentRef,
      description: 'The document quoted.',
      resolve: (citation) => citation.document ?? citation.documentId,
    }),
    start: t.int({
      nullable: true,
      description:
        'Where the quote begins in the document’s `text` (its first occurrence), as an offset ' +
        'in UTF-16 code units, as JavaScript indexes strings: `text.slice(start, end)` is the ' +
        'quote. Null if the text does not hold it.',
      resolve: async (citation, _args, ctx) => (await positionOf(citation, ctx))?.start ?? null,
    }),
    end: t.int({
      nullable: true,
      description: 'Where the quote ends in the document’s `text`: the offset just after it.',
      resolve: async (citation, _args, ctx) => (await positionOf(citation, ctx))?.end ?? null,
    }),
  }),
});

/** Where a citation's quote lies in its document's text; null when the text lacks it. */
async function positionOf(citation: CitationRow, ctx: Context) {
  const document = await DocumentRef.getDataloader(ctx).load(citation.documentId);
  return quotePosition(document.text ?? '', citation.quote);
}

/** The citations a relationship carries as parallel lists `sources`, `quotes` and `notes`. */
export function linkCitations(properties: Record<string, unknown>): CitationRow[] {
  const sources = (properties.sources as string[] | undefined) ?? [];
  const quotes = (properties.quotes as string[] | undefined) ?? [];
  const notes = (properties.notes as string[] | undefined) ?? [];
  return sources.map((documentId, i) => ({
    documentId,
    quote: quotes[i] ?? '',
    note: notes[i] || null,
  }));
}
