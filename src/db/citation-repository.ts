import type { Database } from './database.ts';
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
}

/** The citations of entities (links carry theirs on the relationship). */
export class CitationRepository {
  constructor(private readonly db: Database) {}

  async byEntityIds(ids: readonly string[]): Promise<Map<string, CitationRow[]>> {
    const rows = await this.db.read<{ id: string; citations: CitationRow[] }>(
      `UNWIND $ids AS id
       MATCH (:Entity {id: id})-[c:CITED_IN]->(d:Document)
       WITH id, d, c ORDER BY d.id
       UNWIND c.quotes AS quote
       RETURN id, collect({
         documentId: d.id, quote: quote, note: c.note,
         document: d {.id, .title, .publisher, .kind, .language, .note}
       }) AS citations`,
      { ids },
    );
    return new Map(rows.map((row) => [row.id, row.citations]));
  }
}
