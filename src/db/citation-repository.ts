import type { Reads } from './database.ts';
import type { DocumentRow } from './document-repository.ts';
import { readExpanded } from './expansion.ts';

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

/** The citations of entities (links carry theirs on the relationship). */
export class CitationRepository {
  constructor(private readonly db: Reads) {}

  async byEntityIds(ids: readonly string[]): Promise<Map<string, CitationRow[]>> {
    const entities = await readExpanded(this.db, ids, {
      properties: ['id'],
      citations: true,
      links: [],
    });
    return new Map([...entities].map(([id, { extras }]) => [id, extras?.citations ?? []]));
  }
}
