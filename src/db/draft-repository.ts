import type { Declaration } from '../knowledge/catalog.ts';
import type { Reads } from './database.ts';
import { catalogFromGraph } from './draft-catalog.ts';

/** What drafting a new document's source file reads from the graph. */
export class DraftRepository {
  constructor(private readonly db: Reads) {}

  /** The graph's entities the text may name, found through the full-text index. */
  catalog(text: string): Promise<Declaration[]> {
    return catalogFromGraph((cypher, params) => this.db.read(cypher, params), text);
  }
}
