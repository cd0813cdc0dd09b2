import type { EntityKind } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { dateKey, type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { type ExpandedEntity, type Expansion, readExpanded } from './expansion.ts';
import { BY_DATE, type EntityOrder, orderKeys } from './order.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
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

// Nodes are collected as references and only the page is projected: a long list costs little.
const pageOf = (cypher: string) => `
CALL () {
  ${cypher}
  LIMIT $scan
  RETURN collect(n) AS items
}
${SLICE_CYPHER}
RETURN [n IN items[s1..e1] | ${entityProjection('n')}] AS rows, s1 AS offset, total`;

/** Entities of every kind: by id, and typed lists with their filters. */
export class EntityRepository {
  constructor(private readonly db: Database) {}

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
    category: string | null = null,
  ): Promise<Page<EntityRow>> {
    const cypher = `
      MATCH (n:Entity {kind: $kind}) WHERE $category IS NULL OR n.category = $category
      WITH n ORDER BY ${orderKeys(order, dateKey('n'), 'n.name')}, n.id`;
    return this.page(pageOf(cypher), { kind, category }, window);
  }

  /** Treaties (in date order by default), filtered by a party and a range of signing dates. */
  async treaties(
    filter: TreatyFilter,
    window: PageWindow,
    order: EntityOrder = BY_DATE,
  ): Promise<Page<EntityRow>> {
    const cypher = `
      MATCH (n:Entity {kind: 'Treaty'})
      WHERE ($party IS NULL OR EXISTS { (:Entity {id: $party})-[:PARTY_TO]->(n) })
        AND ($signedFrom IS NULL OR n.signedEnd >= $signedFrom)
        AND ($signedTo IS NULL OR n.signedStart <= $signedTo)
      WITH n ORDER BY ${orderKeys(order, dateKey('n'), 'n.name')}, n.id`;
    return this.page(
      pageOf(cypher),
      {
        party: filter.party ?? null,
        signedFrom: filter.signedFrom ?? null,
        signedTo: filter.signedTo ?? null,
      },
      window,
    );
  }

  /** UN resolutions in number order, filtered by number and by who cites them. */
  async resolutions(filter: ResolutionFilter, window: PageWindow): Promise<Page<EntityRow>> {
    const cypher = `
      MATCH (n:Entity {kind: 'UNResolution'})
      WHERE ($number IS NULL OR n.number = $number)
        AND ($citedBy IS NULL OR EXISTS { (:Entity {id: $citedBy})-[:CITES]->(n) })
      WITH n ORDER BY toInteger(n.number)`;
    return this.page(
      pageOf(cypher),
      { number: filter.number ?? null, citedBy: filter.citedBy ?? null },
      window,
    );
  }

  private async page(
    cypher: string,
    params: Record<string, unknown>,
    window: PageWindow,
  ): Promise<Page<EntityRow>> {
    const [row] = await this.db.read<Page<EntityRow>>(cypher, {
      ...params,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return row ?? { rows: [], offset: 0, total: 0 };
  }
}
