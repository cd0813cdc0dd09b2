import { offsetToCursor } from '@pothos/plugin-relay';
import type { Page } from '../db/page.ts';

/** Builds a Relay connection from a page the database sliced. */
export function connectionOf<Row, Edge>(page: Page<Row>, toEdge: (row: Row) => Edge) {
  const edges = page.rows.map((row, i) => ({
    ...toEdge(row),
    cursor: offsetToCursor(page.offset + i),
  }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: page.offset > 0,
      hasNextPage: page.offset + page.rows.length < page.total,
    },
  };
}
