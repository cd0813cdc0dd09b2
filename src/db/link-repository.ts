import type { ExpandedLink, LinkExpansion } from '../planner/plan-types.ts';
import type { Reads } from './database.ts';
import { readExpanded } from './expansion.ts';
import type { Page } from './page.ts';

/** A page of links, what to read with it, for every entity of a batch: a link expansion unnamed. */
export type LinkPageRead = Omit<LinkExpansion, 'field' | 'onKinds'>;

/** Links between entities, a page per entity, in one query for many entities. */
export class LinkRepository {
  constructor(private readonly db: Reads) {}

  /** A page of each entity's links, each linked entity read with its expansion in the same query. */
  async pages(
    ids: readonly string[],
    read: LinkPageRead,
  ): Promise<Map<string, Page<ExpandedLink>>> {
    const entities = await readExpanded(this.db, ids, {
      properties: ['id'],
      citations: false,
      links: [{ ...read, field: 'links', onKinds: null }],
    });
    const pages = new Map<string, Page<ExpandedLink>>();
    for (const [id, { extras }] of entities) {
      const page = extras?.links[0];
      if (page) pages.set(id, page);
    }
    return pages;
  }
}
