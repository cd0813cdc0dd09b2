import { type EntityKind, LINK_TYPE_NAMES, type LinkType } from '../knowledge/vocabulary.ts';
import type { Reads } from './database.ts';
import { type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { typedPattern } from './link-pattern.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
import { int } from './values.ts';

/** An entity a document states, with the quotes it states it in and the curator's note. */
export interface StatedEntityRow {
  node: EntityRow;
  quotes: string[];
  note: string | null;
}

/** A link a document states: its ends, type and properties (its citations among them). */
export interface StatedLinkRow {
  type: LinkType;
  from: EntityRow;
  to: EntityRow;
  properties: Record<string, unknown>;
}

/**
 * Which of a document's facts to list, as an entity's own links are filtered: link types, an
 * entity at one end (`involving`) and which way the link points from it, the other end's kinds.
 */
export interface FactFilter {
  types: readonly LinkType[] | null;
  involving: string | null;
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  kinds: readonly EntityKind[] | null;
}

export const NO_FILTER: FactFilter = {
  types: null,
  involving: null,
  direction: 'BOTH',
  kinds: null,
};

const project = (name: string) => `head([n IN [${name}] | ${entityProjection('n')}])`;

// The entities a document states cite it (CITED_IN); nodes are collected as references and only
// the page is projected. `label` types the link pattern (link-pattern.ts).
const entitiesCypher = (label: string, filtered: boolean) => `
UNWIND $ids AS key
MATCH (d:Document {id: key})
CALL (d) {
  MATCH (e:Entity)-[c:CITED_IN]->(d)
  WHERE ($kinds IS NULL OR e.kind IN $kinds)
    // Entities a link of this document joins to \`involving\` (of these types, this way from it).
    AND (($involving IS NULL AND $types IS NULL) OR EXISTS {
      MATCH (e)-[r${label}]-(x:Entity)
      WHERE d.id IN r.sources AND x <> e
        AND ($involving IS NULL OR x.id = $involving)${filtered ? ' AND type(r) IN $types' : ''}
        AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(r) = x))
    })
  WITH e, c ORDER BY e.name, e.id
  LIMIT $scan
  RETURN collect({e: e, quotes: c.quotes, note: c.note}) AS items
}
${SLICE_CYPHER}
RETURN key, [x IN items[s1..e1] | {node: ${project('x.e')}, quotes: x.quotes, note: x.note}] AS rows,
  s1 AS offset, total`;

// A link's ends are entities of the same source file, so both cite the document: the links are
// found from the document's entities, not by scanning every relationship.
const linksCypher = (label: string, filtered: boolean) => `
UNWIND $ids AS key
MATCH (d:Document {id: key})
CALL (d) {
  MATCH (a:Entity)-[:CITED_IN]->(d)
  MATCH (a)-[r${label}]->(b:Entity)
  WHERE d.id IN r.sources${filtered ? ' AND type(r) IN $types' : ''}
    AND CASE
      WHEN $involving IS NULL THEN $kinds IS NULL OR a.kind IN $kinds OR b.kind IN $kinds
      ELSE ($direction <> 'INCOMING' AND a.id = $involving AND ($kinds IS NULL OR b.kind IN $kinds))
        OR ($direction <> 'OUTGOING' AND b.id = $involving AND ($kinds IS NULL OR a.kind IN $kinds))
    END
  WITH a, r, b ORDER BY type(r), a.name, b.name, a.id, b.id
  LIMIT $scan
  RETURN collect({a: a, r: r, b: b}) AS items
}
${SLICE_CYPHER}
RETURN key, [x IN items[s1..e1] | {
    type: type(x.r), from: ${project('x.a')}, to: ${project('x.b')}, properties: properties(x.r)
  }] AS rows,
  s1 AS offset, total`;

/** What documents state: the entities and links that cite them, a page per document. */
export class DocumentFactsRepository {
  constructor(private readonly db: Reads) {}

  /**
   * A page of the entities each document states, by name: of `kinds`, and with `types` or
   * `involving`, those a link of the document joins to that entity (`direction` from it).
   */
  entities(ids: readonly string[], window: PageWindow, filter: FactFilter = NO_FILTER) {
    return this.pages<StatedEntityRow>(entitiesCypher, ids, window, filter);
  }

  /**
   * A page of the links each document states, by type, then by the names of their ends: of
   * `types`; with `involving`, those at that entity pointing `direction` from it, the other end
   * of `kinds`; without it, those with an end of `kinds`.
   */
  links(ids: readonly string[], window: PageWindow, filter: FactFilter = NO_FILTER) {
    return this.pages<StatedLinkRow>(linksCypher, ids, window, filter);
  }

  private async pages<Row>(
    cypher: (label: string, filtered: boolean) => string,
    ids: readonly string[],
    window: PageWindow,
    filter: FactFilter,
  ): Promise<Map<string, Page<Row>>> {
    const typed = typedPattern(filter.types ?? LINK_TYPE_NAMES);
    const rows = await this.db.read<Page<Row> & { key: string }>(
      cypher(typed.label, typed.filtered),
      {
        ...filter,
        ids,
        scan: int(MAX_SCAN),
        window: windowParams(window),
      },
    );
    return new Map(rows.map(({ key, ...page }) => [key, page]));
  }
}
