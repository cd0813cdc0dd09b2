import type { PageWindow } from '../../src/db/page.ts';
import { ASKS_ALL } from '../../src/planner/page-read.ts';
import type { LinkSpec } from '../../src/planner/plan-types.ts';
import { type Expansion, type LinkExpansion, NO_EXPANSION } from '../../src/planner/plan-types.ts';

/** The first 20 links of a list, counted. */
export const FIRST_PAGE: PageWindow = { start: 0, end: null, first: 20, last: null, read: 'count' };

/** A link list to expand, read under the name `links`, with `expansion` for each linked entity. */
export const linkExpansion = (
  spec: LinkSpec,
  expansion: Expansion = NO_EXPANSION,
  window: PageWindow = FIRST_PAGE,
): LinkExpansion => ({
  spec,
  window,
  field: 'links',
  onKinds: null,
  edgeProperties: null,
  asks: ASKS_ALL,
  expansion,
});
