import type { CitationRow } from './citation-row.ts';
import type { Reads } from './database.ts';
import { readExpanded } from './expansion.ts';

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
