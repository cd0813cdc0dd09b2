import type { DocumentRow } from './document-repository.ts';

/** A document without its text: enough to say who says so, light enough to send with every quote. */
export type DocumentSummary = Omit<DocumentRow, 'text'> & { text?: undefined };

/** A verbatim quote from a document that states a fact, with the curator's note if any. */
export interface CitationRow {
  documentId: string;
  /** The document, when the query that read the citation brought it along. */
  document?: DocumentSummary;
  quote: string;
  note: string | null;
  /** JSON of what the document says of the entity (its CITED_IN properties); absent on links. */
  said?: string | null;
}
