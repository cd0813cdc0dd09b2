import type { EntityKind } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
import { int } from './values.ts';

/** A search hit: the entity and its relevance score. */
export interface SearchRow {
  score: number;
  node: EntityRow;
}

// The query text travels only as a parameter; the sort and LIMIT bound what is collected, and
// only the page is projected.
const searchQuery = (properties: readonly string[] | null) => `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
  // An entity named or aliased exactly the text comes first: several documents' descriptions
  // can make another entity that mentions the name score higher.
  WITH node, score,
       toLower(node.name) = $exact OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact)
         AS named
  ORDER BY named DESC, score DESC, node.name
  LIMIT $scan
  RETURN collect({score: score, node: node}) AS items
}
${SLICE_CYPHER}
RETURN [x IN items[s1..e1] | {score: x.score, node: head([n IN [x.node] | ${entityProjection('n', properties)}])}] AS rows,
  s1 AS offset, total`;

/** Full-text search over entities' names, aliases and descriptions. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /**
   * A page of the entities matching a Lucene query (see lucene-query.ts), most relevant first;
   * those whose name or an alias is `text` (case aside) before all others.
   */
  async search(
    query: string,
    kinds: readonly EntityKind[] | null,
    window: PageWindow,
    properties: readonly string[] | null = null,
    text = '',
  ): Promise<Page<SearchRow>> {
    const [row] = await this.db.read<Page<SearchRow>>(searchQuery(properties), {
      query,
      exact: text.trim().toLowerCase(),
      kinds,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return row ?? { rows: [], offset: 0, total: 0 };
  }
}
