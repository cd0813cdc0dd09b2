import type { CitationRow } from '../db/citation-row.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { EntityOrder } from '../db/order.ts';
import type { Page, PageWindow } from '../db/page.ts';
import type { EntityKind, LinkType } from '../knowledge/vocabulary.ts';
import type { PageAsks } from './page-read.ts';

// The plans the planner makes and the repositories carry out, and what they read: here, beside
// neither, so that both import them.

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

/**
 * What to read along with an entity in the same query: its citations, and pages of its links,
 * each link's entity expanded in turn. A client's nested selection becomes one Cypher statement
 * instead of one per level.
 */
export interface Expansion {
  /** The entity's properties to read; null for all of them. */
  properties: readonly string[] | null;
  citations: boolean;
  links: LinkExpansion[];
}

/** What a connection's selection reads: its links' own properties, its total, its entities'. */
export interface ConnectionPlan {
  /** The links' own properties to read (role, dates, citations); null for all of them. */
  edgeProperties: readonly string[] | null;
  /** What the client asks of the list beyond its items: decides how it is read (page-read.ts). */
  asks: PageAsks;
  /** What to read with each entity of the page. */
  expansion: Expansion;
}

/** A page of links to read with an entity, and what to read with each linked entity. */
export interface LinkExpansion extends ConnectionPlan {
  /** The name the page is read under (the client's response name), for the row's resolvers. */
  field: string;
  spec: LinkSpec;
  window: PageWindow;
  /** The field is selected on these kinds only: other entities get an empty page, never served. */
  onKinds: readonly EntityKind[] | null;
}

export const NO_EXPANSION: Expansion = { properties: null, citations: false, links: [] };

/** A link seen from one of its ends: the relationship's properties and the entity at the other end. */
export interface LinkRow {
  type: LinkType;
  direction: 'OUTGOING' | 'INCOMING';
  properties: Record<string, unknown>;
  node: EntityRow;
}

/** What an expansion read for one entity: `links` in the order of `Expansion.links`. */
export interface Extras {
  citations: CitationRow[] | null;
  links: Page<ExpandedLink>[];
}

/** A link seen from one end, with the extras read for the entity at the other end. */
export interface ExpandedLink extends LinkRow {
  /** Null when the expansion reads nothing beyond the entity (less for the driver to decode). */
  extras: Extras | null;
}
