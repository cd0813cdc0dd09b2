import type { DocumentRow as SourceDocument } from '../knowledge/import-plan.ts';
import type { Reads } from './database.ts';
import { int } from './values.ts';

/** A document as the API reads it: as imported, less the importer's list of non-factual lines. */
export type DocumentRow = Omit<SourceDocument, 'nonFactual'>;

/** Source documents. */
export class DocumentRepository {
  constructor(private readonly db: Reads) {}

  /** Documents by id, in no particular order (loaders sort). */
  async byIds(ids: readonly string[]): Promise<DocumentRow[]> {
    return this.db.read<DocumentRow>(
      `UNWIND $ids AS id
       MATCH (d:Document {id: id})
       RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.kind AS kind,
              d.language AS language, d.text AS text, d.note AS note`,
      { ids },
    );
  }

  /** All documents' ids in title order, up to `limit`. */
  async list(limit: number): Promise<string[]> {
    const rows = await this.db.read<{ id: string }>(
      'MATCH (d:Document) RETURN d.id AS id ORDER BY d.title LIMIT $limit',
      { limit: int(limit) },
    );
    return rows.map((row) => row.id);
  }
}
