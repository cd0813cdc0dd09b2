import type { CitationRow } from '../db/citation-row.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { Page } from '../db/page.ts';
import type { ExpandedLink, Expansion, Extras } from './plan-types.ts';

/** What a plan read with one entity row, for the resolvers of the fields below it. */
interface Planned {
  citations: CitationRow[] | null;
  /** Link pages by the response name of the field that asked for them. */
  pages: Map<string, Page<ExpandedLink>>;
}

// Rows are fresh objects per query result, so a weak map keyed by the row is per request by
// construction and lets go of the extras with the row.
const plannedRows = new WeakMap<EntityRow, Planned>();

/**
 * Puts what an expansion read on each entity row it reached, level by level, so that a field's
 * resolver finds its page on its parent instead of asking a loader under a recomputed key.
 */
export function attachExtras(
  expansion: Expansion,
  row: EntityRow,
  extras: Extras | null,
): EntityRow {
  // Nothing was read with the row, and no field below it asks for anything.
  if (!extras) return row;
  const pages = new Map<string, Page<ExpandedLink>>();
  expansion.links.forEach((link, i) => {
    const page = extras.links[i];
    // A field selected on other kinds only: the query skipped it, and this row never asks for it.
    if (!page || (link.onKinds !== null && !link.onKinds.includes(row.kind))) return;
    pages.set(link.field, page);
    for (const linked of page.rows) attachExtras(link.expansion, linked.node, linked.extras);
  });
  plannedRows.set(row, { citations: expansion.citations ? extras.citations : null, pages });
  return row;
}

/** The page of field `field` (its response name) the plan read with `row`, if it did. */
export const plannedPage = (row: EntityRow, field: string): Page<ExpandedLink> | undefined =>
  plannedRows.get(row)?.pages.get(field);

/** The citations the plan read with `row`, if it did. */
export const plannedCitations = (row: EntityRow): CitationRow[] | null =>
  plannedRows.get(row)?.citations ?? null;
