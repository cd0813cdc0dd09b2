import { int } from './values.ts';

/**
 * How much of a list the database reads for a page, as the planner decides it (planner/page-read.ts):
 * `count` counts the whole list (up to the scan bound); `peek` reads the page and one item more,
 * so the total is only known to pass the page's end; `page` reads the page alone.
 */
export type PageRead = 'count' | 'peek' | 'page';

/** A slice request in offsets, resolved against the list's total by the query that reads it. */
export interface PageSlice {
  /** First offset the page may start at (after `after`). */
  start: number;
  /** Offset the page must end before (`before`), or null for the end of the list. */
  end: number | null;
  first: number | null;
  last: number | null;
}

/** A slice and how to read it. Only `count` is ever given for a slice from the end. */
export interface PageWindow extends PageSlice {
  read: PageRead;
}

/** A slice counted from the start (`first`, maybe `after`): readable without the list's total. */
export const isForward = <Slice extends PageSlice>(
  slice: Slice,
): slice is Slice & { first: number } =>
  slice.first !== null && slice.last === null && slice.end === null;

/** A page read forward from its start without counting the list (`peek` or `page`). */
export const isForwardRead = (
  window: PageWindow,
): window is PageWindow & { read: 'peek' | 'page'; first: number } =>
  window.read !== 'count' && isForward(window);

/** How many items a forward read keeps: the page, and one more when peeking. */
export const itemsRead = (window: PageWindow & { first: number }) =>
  window.first + (window.read === 'peek' ? 1 : 0);

/** A page as the database returns it: the rows, where they start, and the list's total. */
export interface Page<Row> {
  rows: Row[];
  offset: number;
  total: number;
}

/**
 * Cypher that slices the ordered list `items<suffix>` by a window parameter (`$window` by default:
 * start, end, first, last), defining `total<suffix>` and the slice bounds `s1<suffix>`..`e1<suffix>`.
 * A suffix keeps the names apart when slices nest. `count`, when given, is the list's length (the
 * list itself may then hold only the items up to the window's end).
 */
export function sliceCypher(window = '$window', suffix = '', count?: string): string {
  const [items, total, e0, s0, e1, s1] = ['items', 'total', 'e0', 's0', 'e1', 's1'].map(
    (name) => name + suffix,
  );
  return `
WITH *, ${count ?? `size(${items})`} AS ${total}
WITH *, CASE WHEN ${window}.end IS NULL OR ${window}.end > ${total} THEN ${total} ELSE ${window}.end END AS ${e0}
WITH *, CASE WHEN ${window}.start > ${e0} THEN ${e0} ELSE ${window}.start END AS ${s0}
WITH *, CASE WHEN ${window}.first IS NULL OR ${s0} + ${window}.first > ${e0} THEN ${e0} ELSE ${s0} + ${window}.first END AS ${e1}
WITH *, CASE WHEN ${window}.last IS NULL OR ${e1} - ${window}.last < ${s0} THEN ${s0} ELSE ${e1} - ${window}.last END AS ${s1}`;
}

/** Slices `items` by `$window` into `s1`..`e1`, with `total`. */
export const SLICE_CYPHER = sliceCypher();

/** The window as Cypher parameters: integers, as list slicing requires. */
export function windowParams(window: PageWindow) {
  const toInt = (value: number | null) => (value === null ? null : int(value));
  // Only the offsets go to Neo4j: the query's text already says whether the total is counted.
  return {
    start: int(window.start),
    end: toInt(window.end),
    first: toInt(window.first),
    last: toInt(window.last),
  };
}
