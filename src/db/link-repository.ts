import type { EntityKind, LinkType } from '../knowledge/vocabulary.ts';
import type { Reads } from './database.ts';
import type { EntityRow } from './entity-row.ts';
import { type ExpandedLink, type Expansion, NO_EXPANSION, readExpanded } from './expansion.ts';
import type { EntityOrder } from './order.ts';
import type { Page, PageWindow } from './page.ts';

export type LinkDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which links of an entity a list shows. */
export interface LinkSpec {
  types: readonly LinkType[];
  direction: LinkDirection;
  /** Only links whose other end is of these kinds; all kinds when absent. */
  kinds?: readonly EntityKind[];
  /** The list's order; by date when absent. */
  order?: EntityOrder;
}

/** A link seen from one of its ends: the relationship's properties and the entity at the other end. */
export interface LinkRow {
  type: LinkType;
  direction: 'OUTGOING' | 'INCOMING';
  properties: Record<string, unknown>;
  node: EntityRow;
}

/** Links between entities, a page per entity, in one query for many entities. */
export class LinkRepository {
  constructor(private readonly db: Reads) {}

  /** A page of each entity's links, each linked entity read with `expansion` in the same query. */
  async pages(
    ids: readonly string[],
    spec: LinkSpec,
    window: PageWindow,
    expansion: Expansion = NO_EXPANSION,
    edgeProperties: readonly string[] | null = null,
    counted = true,
  ): Promise<Map<string, Page<ExpandedLink>>> {
    const entities = await readExpanded(this.db, ids, {
      properties: ['id'],
      citations: false,
      links: [{ field: 'links', spec, window, onKinds: null, edgeProperties, counted, expansion }],
    });
    const pages = new Map<string, Page<ExpandedLink>>();
    for (const [id, { extras }] of entities) {
      const page = extras?.links[0];
      if (page) pages.set(id, page);
    }
    return pages;
  }
}
