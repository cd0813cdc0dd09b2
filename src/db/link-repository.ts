import { type EntityKind, LINK_TYPE_NAMES, type LinkType } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { dateKey, type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
import { int } from './values.ts';

export type LinkDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which links of an entity a list shows. */
export interface LinkSpec {
  types: readonly LinkType[];
  direction: LinkDirection;
  /** Only links whose other end is of these kinds; all kinds when absent. */
  kinds?: readonly EntityKind[];
}

/** A link seen from one of its ends: the relationship's properties and the entity at the other end. */
export interface LinkRow {
  type: LinkType;
  direction: 'OUTGOING' | 'INCOMING';
  properties: Record<string, unknown>;
  node: EntityRow;
}

const PATTERNS: Record<LinkDirection, string> = {
  OUTGOING: '(n)-[r:$any($types)]->(m:Entity)',
  INCOMING: '(n)<-[r:$any($types)]-(m:Entity)',
  BOTH: '(n)-[r:$any($types)]-(m:Entity)',
};

// Every relationship between two entities is a link of the vocabulary (citations end at Document
// nodes): asking for all types needs no type filter, which would cost db hits for nothing.
const ANY_TYPE_PATTERNS: Record<LinkDirection, string> = {
  OUTGOING: '(n)-[r]->(m:Entity)',
  INCOMING: '(n)<-[r]-(m:Entity)',
  BOTH: '(n)-[r]-(m:Entity)',
};

// Links are collected as references and only the page is projected: a long list costs little.
const query = (direction: LinkDirection, anyType: boolean) => `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id})
  MATCH ${(anyType ? ANY_TYPE_PATTERNS : PATTERNS)[direction]}
  WHERE $kinds IS NULL OR m.kind IN $kinds
  WITH n, r, m ORDER BY ${dateKey('m', 'r')}, m.name, type(r)
  LIMIT $scan
  RETURN n, collect({r: r, m: m}) AS items
}
${SLICE_CYPHER}
RETURN id, [x IN items[s1..e1] | {
    type: type(x.r),
    direction: CASE WHEN startNode(x.r) = n THEN 'OUTGOING' ELSE 'INCOMING' END,
    properties: properties(x.r),
    node: head([m IN [x.m] | ${entityProjection('m')}])
  }] AS rows, s1 AS offset, total`;

/** Links between entities, a page per entity, in one query for many entities. */
export class LinkRepository {
  constructor(private readonly db: Database) {}

  async pages(
    ids: readonly string[],
    spec: LinkSpec,
    window: PageWindow,
  ): Promise<Map<string, Page<LinkRow>>> {
    const anyType = LINK_TYPE_NAMES.every((type) => spec.types.includes(type));
    const rows = await this.db.read<Page<LinkRow> & { id: string }>(
      query(spec.direction, anyType),
      {
        ids,
        types: spec.types,
        kinds: spec.kinds ?? null,
        scan: int(MAX_SCAN),
        window: windowParams(window),
      },
    );
    return new Map(rows.map(({ id, ...page }) => [id, page]));
  }
}
