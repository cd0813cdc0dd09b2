import type { EntityKind } from '../knowledge/vocabulary.ts';
import type { Reads } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import {
  isForwardRead,
  itemsRead,
  type Page,
  type PageWindow,
  SLICE_CYPHER,
  windowParams,
} from './page.ts';
import { int } from './values.ts';

/** How many hits a page from the start first reads from the index (more if hits tie at its end). */
const FIRST_TOP_HITS = 100;

/** A search hit: the entity and its relevance score. */
export interface SearchRow {
  score: number;
  node: EntityRow;
}

/** True for an entity named or aliased exactly `$exact` (lower case). */
const NAMED = `toLower(node.name) = $exact
  OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact)`;

// The query text travels only as a parameter; the sort and LIMIT bound what is collected, and
// only the page is projected.
const searchQuery = (properties: readonly string[] | null) => `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
  // An entity named or aliased exactly the text comes first: several documents' descriptions
  // can make another entity that mentions the name score higher.
  WITH node, score, ${NAMED} AS named
  ORDER BY named DESC, score DESC, node.name
  LIMIT $scan
  RETURN collect({score: score, node: node}) AS items
}
${SLICE_CYPHER}
RETURN [x IN items[s1..e1] | {score: x.score, node: head([n IN [x.node] | ${entityProjection('n', properties)}])}] AS rows,
  s1 AS offset, total`;

// The index's `limit` option: Lucene keeps only the best `$limit` hits instead of ranking every
// match. The entities named exactly the text come first whatever their score: a second query
// finds them by requiring the text as a phrase of the name or an alias, a clause boosted to 0 so
// that each keeps the score the search gives it. The hits kept are then ordered as the counted
// query orders them.
const topHitsQuery = (properties: readonly string[] | null) => `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
  RETURN collect({node: node, score: score}) AS hits
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $namedQuery, {limit: $limit}) YIELD node, score
  RETURN collect({node: node, score: score, named: ${NAMED}}) AS candidates
}
WITH hits, size(candidates) AS namedSeen,
  [x IN candidates WHERE x.named | {node: x.node, score: x.score}] AS named
WITH size(hits) AS seen, hits[-1].score AS lowest, hits, namedSeen, named,
  [x IN named | x.node] AS namedNodes
CALL (hits, named, namedNodes) {
  UNWIND named + [x IN hits WHERE NOT x.node IN namedNodes] AS x
  WITH x, x.node IN namedNodes AS isNamed
  WHERE $kinds IS NULL OR x.node.kind IN $kinds
  WITH x, isNamed ORDER BY isNamed DESC, x.score DESC, x.node.name
  LIMIT $end
  RETURN collect(x) AS top, collect(isNamed) AS flags
}
RETURN seen, namedSeen, lowest, size(top) AS kept, top[-1].score AS floor, flags[-1] AS lastNamed,
  [x IN top[$start..] | {score: x.score, node: head([n IN [x.node] | ${entityProjection('n', properties)}])}] AS rows`;

/** The text as a Lucene phrase of the name or alias fields (only `"` and `\` mean anything in one). */
function namedPhrase(text: string): string {
  const phrase = `"${text.trim().replace(/["\\]/g, (char) => `\\${char}`)}"`;
  return `name:${phrase} OR aliasText:${phrase}`;
}

interface TopHits {
  seen: number;
  /** How many hits the query for exact names gave (all of them, when fewer than its limit). */
  namedSeen: number;
  lowest: number | null;
  kept: number;
  floor: number | null;
  lastNamed: boolean | null;
  rows: SearchRow[];
}

/** What a search reads besides its hits, and how. */
export interface SearchOptions {
  /** The entities' properties to read; null for all of them. */
  properties?: readonly string[] | null;
  /** The text as the client wrote it: an entity named or aliased exactly so comes first. */
  text?: string;
}

// Every entity of some kinds by name: what a search with no text but kinds lists.
const byKindsQuery = (properties: readonly string[] | null) => `
CALL () {
  MATCH (node:Entity) WHERE node.kind IN $kinds
  WITH node ORDER BY node.name, node.id
  LIMIT $scan
  RETURN collect(node) AS items
}
${SLICE_CYPHER}
RETURN [x IN items[s1..e1] | {score: 0.0, node: head([n IN [x] | ${entityProjection('n', properties)}])}] AS rows,
  s1 AS offset, total`;

/** Full-text search over entities' names, aliases and descriptions. */
export class SearchRepository {
  constructor(private readonly db: Reads) {}

  /** A page of the entities of some kinds, by name (a search with kinds and no text). */
  async byKinds(
    kinds: readonly EntityKind[],
    window: PageWindow,
    properties: readonly string[] | null = null,
  ): Promise<Page<SearchRow>> {
    const [row] = await this.db.read<Page<SearchRow>>(byKindsQuery(properties), {
      kinds,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return row ?? { rows: [], offset: 0, total: 0 };
  }

  /**
   * A page of the entities matching a Lucene query (see lucene-query.ts), most relevant first;
   * those whose name or an alias is `text` (case aside) before all others.
   */
  async search(
    query: string,
    kinds: readonly EntityKind[] | null,
    window: PageWindow,
    { properties = null, text = '' }: SearchOptions = {},
  ): Promise<Page<SearchRow>> {
    const exact = text.trim().toLowerCase();
    if (isForwardRead(window)) {
      // Without a total, only the best hits up to the page's end (and one more for a peek).
      const namedQuery = exact ? `+(${query}) +(${namedPhrase(text)})^0` : query;
      const params = { query, namedQuery, exact, kinds };
      const end = window.start + itemsRead(window);
      const read = await this.topHits(params, window.start, end, properties);
      return { ...read, rows: read.rows.slice(0, window.first) };
    }
    const [row] = await this.db.read<Page<SearchRow>>(searchQuery(properties), {
      query,
      exact,
      kinds,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return row ?? { rows: [], offset: 0, total: 0 };
  }

  /**
   * The hits `start`..`end` in (named, score, name) order, reading the index's best hits only.
   * The page is exact once every entity named the text was read (the query finding them keeps
   * the same limit: a smaller one than MAX_SCAN spares Lucene a queue of that size for each
   * search), and the index ran out of hits, or the page's last hit is a named entity, or the
   * lowest hit read scores below the page's last (no hit left unread can tie with it): else it
   * reads four times as many, up to MAX_SCAN, as the counted query does.
   * Usually the first read is exact.
   */
  private async topHits(
    params: Record<string, unknown>,
    start: number,
    end: number,
    properties: readonly string[] | null,
  ): Promise<Page<SearchRow>> {
    // Hits often tie in score (short names, generated texts): a first read well past the page's
    // end settles most pages in one round trip; Lucene keeps 100 best about as fast as 11.
    let limit = Math.min(Math.max(end + 1, FIRST_TOP_HITS), MAX_SCAN);
    for (;;) {
      const [hits] = await this.db.read<TopHits>(topHitsQuery(properties), {
        ...params,
        scan: int(MAX_SCAN),
        limit: int(limit),
        start: int(start),
        end: int(end),
      });
      if (!hits) return { rows: [], offset: 0, total: 0 };
      const exhausted = hits.seen < limit || limit >= MAX_SCAN;
      // Every entity named the text was read (it shares the limit: a handful at most, as a rule).
      const allNamed = params.exact === '' || hits.namedSeen < limit || limit >= MAX_SCAN;
      const settled =
        hits.kept === end &&
        (hits.lastNamed === true ||
          (hits.lowest !== null && hits.floor !== null && hits.lowest < hits.floor));
      if (allNamed && (exhausted || settled)) {
        const offset = Math.min(start, hits.kept);
        return { rows: hits.rows, offset, total: offset + hits.rows.length };
      }
      limit = Math.min(limit * 4, MAX_SCAN);
    }
  }
}
