import { ENTITY_KINDS, type EntityKind } from '../knowledge/vocabulary.ts';
import { type Expansion, NO_EXPANSION } from '../planner/plan-types.ts';
import type { Reads } from './database.ts';
import {
  dateKey,
  type EntityRow,
  entityOf,
  entityProjection,
  entityValues,
  MAX_SCAN,
} from './entity-row.ts';
import {
  type ExpandedEntity,
  type ExtrasAsRead,
  expansionCypher,
  extrasOf,
  readExpanded,
} from './expansion.ts';
import { BY_DATE, type EntityOrder, orderKeys } from './order.ts';
import {
  isForwardRead,
  itemsRead,
  type Page,
  type PageWindow,
  SLICE_CYPHER,
  windowParams,
} from './page.ts';
import { int } from './values.ts';

export interface TreatyFilter {
  party?: string | null;
  signedFrom?: string | null;
  signedTo?: string | null;
}

export interface ResolutionFilter {
  number?: string | null;
  citedBy?: string | null;
}

/**
 * A page of the entities `cypher` matches (as `n`, ordered), each read with `expansion` in the same
 * statement. Nodes are collected as references and only the page is projected: a long list costs
 * little.
 */
function pageOf(
  cypher: string,
  expansion: Expansion,
  params: Record<string, unknown>,
  window: PageWindow,
) {
  const built = expansionCypher('n', expansion, '', params);
  const row = `{node: ${entityValues('n', expansion.properties)}, extras: ${built.extras}}`;
  if (isForwardRead(window)) {
    // Neo4j keeps the top of the order (a Top-K sort) instead of collecting every match; a peek's
    // extra row only says whether a page follows.
    params.read = int(itemsRead(window));
    return `
CALL () {
  ${cypher}
  SKIP $start LIMIT $read
  ${built.clauses}
  RETURN collect(${row}) AS rows
}
RETURN rows[0..$first] AS rows, $start AS offset, $start + size(rows) AS total`;
  }
  return `
CALL () {
  ${cypher}
  LIMIT $scan
  RETURN collect(n) AS items
}
${SLICE_CYPHER}
CALL (items, s1, e1) {
  UNWIND items[s1..e1] AS n
  ${built.clauses}
  RETURN collect(${row}) AS rows
}
RETURN rows, s1 AS offset, total`;
}

/**
 * The label of a kind, written into the query text so that Neo4j scans that kind's nodes only
 * (every entity carries its kind's label beside Entity): a name of the vocabulary, checked here.
 */
function kindLabel(kind: EntityKind): string {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not a kind: ${JSON.stringify(kind)}`);
  return kind;
}

/** Entities of every kind: by id, and typed lists with their filters. */
export class EntityRepository {
  constructor(private readonly db: Reads) {}

  /** Entities by id, any kind; missing ids are simply absent. */
  async byIds(ids: readonly string[]): Promise<EntityRow[]> {
    const rows = await this.db.read<{ row: EntityRow }>(
      `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN ${entityProjection('n')} AS row`,
      { ids },
    );
    return rows.map((r) => r.row);
  }

  /** Entities by id, each read with an expansion in the same query. */
  expanded(ids: readonly string[], expansion: Expansion): Promise<Map<string, ExpandedEntity>> {
    return readExpanded(this.db, ids, expansion);
  }

  /** A page of the entities of one kind, by name or by date, either way. */
  async list(
    kind: EntityKind,
    window: PageWindow,
    order: EntityOrder,
    expansion: Expansion = NO_EXPANSION,
    category: string | null = null,
  ): Promise<Page<ExpandedEntity>> {
    const cypher = `
      MATCH (n:${kindLabel(kind)}) WHERE $category IS NULL OR n.category = $category
      WITH n ORDER BY ${orderKeys(order, dateKey('n'), 'n.name')}, n.id`;
    return this.page(cypher, expansion, { kind, category }, window);
  }

  /** Treaties (in date order by default), filtered by a party and a range of signing dates. */
  async treaties(
    filter: TreatyFilter,
    window: PageWindow,
    order: EntityOrder = BY_DATE,
    expansion: Expansion = NO_EXPANSION,
  ): Promise<Page<ExpandedEntity>> {
    const cypher = `
      MATCH (n:Treaty)
      WHERE ($party IS NULL OR EXISTS { (:Entity {id: $party})-[:PARTY_TO]->(n) })
        AND ($signedFrom IS NULL OR n.signedEnd >= $signedFrom)
        AND ($signedTo IS NULL OR n.signedStart <= $signedTo)
      WITH n ORDER BY ${orderKeys(order, dateKey('n'), 'n.name')}, n.id`;
    return this.page(
      cypher,
      expansion,
      {
        party: filter.party ?? null,
        signedFrom: filter.signedFrom ?? null,
        signedTo: filter.signedTo ?? null,
      },
      window,
    );
  }

  /** UN resolutions in number order, filtered by number and by who cites them. */
  async resolutions(
    filter: ResolutionFilter,
    window: PageWindow,
    expansion: Expansion = NO_EXPANSION,
  ): Promise<Page<ExpandedEntity>> {
    const cypher = `
      MATCH (n:UNResolution)
      WHERE ($number IS NULL OR n.number = $number)
        AND ($citedBy IS NULL OR EXISTS { (:Entity {id: $citedBy})-[:CITES]->(n) })
      WITH n ORDER BY toInteger(n.number)`;
    return this.page(
      cypher,
      expansion,
      { number: filter.number ?? null, citedBy: filter.citedBy ?? null },
      window,
    );
  }

  private async page(
    cypher: string,
    expansion: Expansion,
    params: Record<string, unknown>,
    window: PageWindow,
  ): Promise<Page<ExpandedEntity>> {
    const planned: Record<string, unknown> = {};
    const [row] = await this.db.read<Page<{ node: EntityRow; extras: ExtrasAsRead | null }>>(
      pageOf(cypher, expansion, planned, window),
      {
        ...planned,
        ...params,
        scan: int(MAX_SCAN),
        window: windowParams(window),
        start: int(Math.min(window.start, MAX_SCAN)),
        first: int(window.first ?? 0),
      },
    );
    if (!row) return { rows: [], offset: 0, total: 0 };
    return {
      ...row,
      rows: row.rows.map(({ node, extras }) => ({
        node: entityOf(expansion.properties, node),
        extras: extrasOf(expansion, extras),
      })),
    };
  }
}
