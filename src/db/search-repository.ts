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
  WITH node, score ORDER BY score DESC, node.name
  LIMIT $scan
  RETURN collect({score: score, node: node}) AS items
}
${SLICE_CYPHER}
RETURN [x IN items[s1..e1] | {score: x.score, node: head([n IN [x.node] | ${entityProjection('n', properties)}])}] AS rows,
  s1 AS offset, total`;

// The index's `limit` option: Lucene keeps only the best `$limit` hits instead of ranking every
// match. The hits kept are then ordered as the counted query orders them (score, then name).
const topHitsQuery = (properties: readonly string[] | null) => `
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
WITH collect({node: node, score: score}) AS hits
WITH size(hits) AS seen, hits[-1].score AS lowest,
  [x IN hits WHERE $kinds IS NULL OR x.node.kind IN $kinds] AS kept
CALL (kept) {
  UNWIND kept AS x
  WITH x ORDER BY x.score DESC, x.node.name
  LIMIT $end
  RETURN collect(x) AS top
}
RETURN seen, lowest, size(top) AS kept, top[-1].score AS floor,
  [x IN top[$start..] | {score: x.score, node: head([n IN [x.node] | ${entityProjection('n', properties)}])}] AS rows`;

interface TopHits {
  seen: number;
  lowest: number | null;
  kept: number;
  floor: number | null;
  rows: SearchRow[];
}

/** Full-text search over entities' names, aliases and descriptions. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /**
   * A page of the entities matching a Lucene query (see lucene-query.ts), most relevant first.
   * Uncounted (no total asked), a page from the start reads only the top hits from the index.
   */
  async search(
    query: string,
    kinds: readonly EntityKind[] | null,
    window: PageWindow,
    properties: readonly string[] | null = null,
    counted = true,
  ): Promise<Page<SearchRow>> {
    if (!counted && window.first !== null && window.last === null && window.end === null) {
      return this.topHits(query, kinds, window.start, window.start + window.first, properties);
    }
    const [row] = await this.db.read<Page<SearchRow>>(searchQuery(properties), {
      query,
      kinds,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return row ?? { rows: [], offset: 0, total: 0 };
  }

  /**
   * The hits `start`..`end` in (score, name) order, reading the index's best hits only. The page
   * is exact once the index ran out of hits or the lowest hit read scores below the page's last
   * (no hit left unread can tie with it): else it reads four times as many, up to MAX_SCAN, as the
   * counted query does. Usually the first read is exact.
   */
  private async topHits(
    query: string,
    kinds: readonly EntityKind[] | null,
    start: number,
    end: number,
    properties: readonly string[] | null,
  ): Promise<Page<SearchRow>> {
    let limit = Math.min(end + 1, MAX_SCAN);
    for (;;) {
      const [hits] = await this.db.read<TopHits>(topHitsQuery(properties), {
        query,
        kinds,
        limit: int(limit),
        start: int(start),
        end: int(end),
      });
      if (!hits) return { rows: [], offset: 0, total: 0 };
      const exhausted = hits.seen < limit || limit >= MAX_SCAN;
      const settled =
        hits.kept === end &&
        hits.lowest !== null &&
        hits.floor !== null &&
        hits.lowest < hits.floor;
      if (exhausted || settled) {
        const offset = Math.min(start, hits.kept);
        return { rows: hits.rows, offset, total: offset + hits.rows.length };
      }
      limit = Math.min(limit * 4, MAX_SCAN);
    }
  }
}
