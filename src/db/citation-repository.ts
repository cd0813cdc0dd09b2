import type { Database } from './database.ts';

/** A verbatim quote from a document that states a fact, with the curator's note if any. */
export interface CitationRow {
  documentId: string;
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
       RETURN id, collect({documentId: d.id, quote: quote, note: c.note}) AS citations`,
      { ids },
    );
    return new Map(rows.map((row) => [row.id, row.citations]));
  }
}
