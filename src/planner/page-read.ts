import { isForward, type PageRead, type PageSlice } from '../db/page.ts';

/** What a client asks of a list besides its items: the answers that need more than the page. */
export interface PageAsks {
  /** `totalCount`: the whole list must be counted. */
  totalCount: boolean;
  /** `pageInfo { hasNextPage }`: one item past the page tells whether more follow. */
  hasNextPage: boolean;
}

/** Every list not planned from a selection: it counts, as a client may ask anything of it. */
export const ASKS_ALL: PageAsks = { totalCount: true, hasNextPage: true };

/**
 * How a list is read, decided here for every list: counted in full only for `totalCount` or a
 * slice from the end (`last`, `before`: its bounds depend on the total); one extra item for
 * `hasNextPage`; else the page alone. `hasPreviousPage`, the cursors and the items need no more
 * than the page (cursors are offsets).
 */
export function pageRead(asks: PageAsks, slice: PageSlice): PageRead {
  if (asks.totalCount || !isForward(slice)) return 'count';
  return asks.hasNextPage ? 'peek' : 'page';
}
