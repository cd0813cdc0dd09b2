import { builder } from '../builder.ts';
import type { CitationRow } from '../db/citation-repository.ts';
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
    document: t.field({
      type: DocumentRef,
      description: 'The document quoted.',
      resolve: (citation) => citation.document ?? citation.documentId,
    }),
  }),
});

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
