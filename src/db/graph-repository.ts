import type { LinkType } from '../knowledge/vocabulary.ts';
import type { Reads } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { EVERY_TYPE } from './link-pattern.ts';
import { int } from './values.ts';

/** Longest path `path` looks for. */
export const MAX_HOPS = 6;
/** Farthest `neighborhood` reaches. */
export const MAX_DEPTH = 3;
/** Most entities one neighborhood returns. */
export const MAX_NODES = 200;
/** Most links one neighborhood returns (among at most MAX_NODES entities). */
export const MAX_EDGES = 2_000;

/** A link as stored: its type, the slugs it points from and to, and its properties. */
export interface GraphLink {
  type: LinkType;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

/** A path: its entities in order, and the link between each consecutive two. */
export interface PathRow {
  nodes: EntityRow[];
  links: GraphLink[];
}

export interface PathResult {
  fromFound: boolean;
  toFound: boolean;
  path: PathRow | null;
}

/** A path result as the query returns it, its links as lists. */
interface PathResultAsRead {
  fromFound: boolean;
  toFound: boolean;
  path: { nodes: EntityRow[]; links: GraphLinkAsRead[] } | null;
}

export interface NeighborhoodRow {
  center: EntityRow;
  nodes: EntityRow[];
  links: GraphLink[];
  truncated: boolean;
}

// One hop over a link between entities: every link type named in the pattern, which keeps out the
// citations (to Document nodes) without reading the far end's labels, half the db hits.
const STEP = `(()-[${EVERY_TYPE}]-())`;
// A list, not a map: a neighbourhood holds up to MAX_EDGES links, and a map's key names would be
// decoded again for each (see graphLinkOf).
const LINK = (r: string, withProperties = true) =>
  `[type(${r}), startNode(${r}).id, endNode(${r}).id, ${withProperties ? `properties(${r})` : '{}'}]`;

/** A link as the queries return it: [type, from, to, properties]. */
type GraphLinkAsRead = [LinkType, string, string, Record<string, unknown>];

const graphLinkOf = ([type, from, to, properties]: GraphLinkAsRead): GraphLink => ({
  type,
  from,
  to,
  properties,
});

/** What a client reads of a neighbourhood: the entities' properties (null: all), the links'. */
export interface GraphRead {
  properties: readonly string[] | null;
  linkProperties: boolean;
}

const READ_ALL: GraphRead = { properties: null, linkProperties: true };

const pathQuery = (hops: number) => `
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  OPTIONAL MATCH p = ANY SHORTEST (a)${STEP}{1,${hops}}(b)
  RETURN p
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
  CASE WHEN p IS NULL THEN null ELSE {
    nodes: [n IN nodes(p) | ${entityProjection('n')}],
    links: [r IN relationships(p) | ${LINK('r')}]
  } END AS path`;

// Nearest first: by hops, then the better connected (a drawing keeps its hubs), then by slug.
const neighborhoodQuery = (depth: number, read: GraphRead) => `
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH p = ANY SHORTEST (c)${STEP}{1,${depth}}(m:Entity)
  WHERE m <> c
  WITH m, length(p) AS distance
  LIMIT $scan
  // An entity's links are its relationships but its citations: two degrees Neo4j reads from the
  // node, where counting links by their far end's label walks every relationship of each entity.
  WITH m, distance, COUNT { (m)--() } - COUNT { (m)-[:CITED_IN]-() } AS degree
  ORDER BY distance, degree DESC, m.id
  LIMIT $limit
  RETURN collect(m) AS found
}
WITH c, [c] + found[0..$limit - 1] AS nodes, size(found) >= $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS x
  // Only entities are in \`nodes\`: a citation never ends there, no label to read.
  MATCH (x)-[r]->(y)
  WHERE y IN nodes
  WITH r ORDER BY type(r), startNode(r).id, endNode(r).id, r.key
  LIMIT $edges
  RETURN collect(${LINK('r', read.linkProperties)}) AS links
}
RETURN ${entityProjection('c', read.properties)} AS center,
  [n IN nodes | ${entityProjection('n', read.properties)}] AS nodes,
  links[0..$edges - 1] AS links, truncated OR size(links) = $edges AS truncated`;

// Variable-length bounds cannot be parameters: one pre-built query per allowed bound, picked by
// the validated integer, so no input ever becomes query text.
const PATH_QUERIES: readonly string[] = Array.from({ length: MAX_HOPS }, (_, i) =>
  pathQuery(i + 1),
);
const neighborhoodQueries = new Map<string, readonly string[]>();
/** The pre-built neighbourhood queries (one per depth) for what a client reads. */
function neighborhoodQueriesFor(read: GraphRead): readonly string[] {
  const key = JSON.stringify(read);
  let queries = neighborhoodQueries.get(key);
  if (!queries) {
    queries = Array.from({ length: MAX_DEPTH }, (_, i) => neighborhoodQuery(i + 1, read));
    neighborhoodQueries.set(key, queries);
  }
  return queries;
}

function pick(queries: readonly string[], bound: number, name: string): string {
  const query = Number.isInteger(bound) ? queries[bound - 1] : undefined;
  if (!query) throw new RangeError(`${name} must be between 1 and ${queries.length}`);
  return query;
}

/** Graph-shaped reads over entity links: shortest paths and neighbourhoods. */
export class GraphRepository {
  constructor(private readonly db: Reads) {}

  /** A shortest path of at most `maxHops` links (1..MAX_HOPS); which ends exist. */
  async path(from: string, to: string, maxHops: number): Promise<PathResult> {
    if (from === to) {
      const [row] = await this.db.read<{ n: EntityRow }>(
        `MATCH (n:Entity {id: $from}) RETURN ${entityProjection('n')} AS n`,
        { from },
      );
      const path = row ? { nodes: [row.n], links: [] } : null;
      return { fromFound: Boolean(row), toFound: Boolean(row), path };
    }
    const [row] = await this.db.read<PathResultAsRead>(pick(PATH_QUERIES, maxHops, 'maxHops'), {
      from,
      to,
    });
    if (!row) return { fromFound: false, toFound: false, path: null };
    const { path } = row;
    return { ...row, path: path && { nodes: path.nodes, links: path.links.map(graphLinkOf) } };
  }

  /** Entities within `depth` links (1..MAX_DEPTH), at most `limit` with the center; null if none. */
  async neighborhood(
    id: string,
    depth: number,
    limit: number,
    read: GraphRead = READ_ALL,
  ): Promise<NeighborhoodRow | null> {
    const queries = neighborhoodQueriesFor(read);
    const [row] = await this.db.read<Omit<NeighborhoodRow, 'links'> & { links: GraphLinkAsRead[] }>(
      pick(queries, depth, 'depth'),
      {
        id,
        scan: int(MAX_SCAN),
        limit: int(Math.min(Math.max(limit, 1), MAX_NODES)),
        edges: int(MAX_EDGES + 1),
      },
    );
    return row ? { ...row, links: row.links.map(graphLinkOf) } : null;
  }
}
