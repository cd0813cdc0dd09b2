import { offsetToCursor } from '@pothos/plugin-relay';
import type { Page } from '../db/page.ts';

/**
 * An edge whose cursor is encoded only when a client selects it: most ask for `nodes` or for the
 * edges' nodes only, and a nested list would otherwise encode one cursor per item it returns.
 */
class PageEdge {
  constructor(private readonly offset: number) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

/** A connection's page info, its cursors encoded when selected. */
class PageInfo {
  constructor(private readonly page: Page<unknown>) {}

  get startCursor(): string | null {
    return this.page.rows.length > 0 ? offsetToCursor(this.page.offset) : null;
  }

  get endCursor(): string | null {
    const { rows, offset } = this.page;
    return rows.length > 0 ? offsetToCursor(offset + rows.length - 1) : null;
  }

  get hasPreviousPage(): boolean {
    return this.page.offset > 0;
  }

  get hasNextPage(): boolean {
    return this.page.offset + this.page.rows.length < this.page.total;
  }
}

/** Builds a Relay connection from a page the database sliced. */
export function connectionOf<Row, Edge extends object>(
  page: Page<Row>,
  toEdge: (row: Row) => Edge,
) {
  return {
    edges: page.rows.map((row, i): Edge & { cursor: string } =>
      Object.assign(new PageEdge(page.offset + i), toEdge(row)),
    ),
    totalCount: page.total,
    pageInfo: new PageInfo(page),
  };
}
