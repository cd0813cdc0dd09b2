import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';
import type { CitationRow } from '../db/citation-repository.ts';
import type { LinkRow, LinkSpec } from '../db/link-repository.ts';
import type { Page, PageWindow } from '../db/page.ts';

// Loaders whose key needs more than an id (a link list depends on its spec and page window) are
// kept here, one per distinct spec and window per request; plain by-id loaders live on the refs.

const linkLoaders = createContextCache(() => new Map<string, DataLoader<string, Page<LinkRow>>>());

/** The per-request loader of link pages for one spec and window: one query per nesting level. */
export function linkPageLoader(ctx: Context, spec: LinkSpec, window: PageWindow) {
  const key = JSON.stringify([spec, window]);
  const loaders = linkLoaders(ctx);
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const pages = await ctx.repos.links.pages(ids, spec, window);
      return ids.map((id) => pages.get(id) ?? { rows: [], offset: 0, total: 0 });
    });
    loaders.set(key, loader);
  }
  return loader;
}

const citationLoaders = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, CitationRow[]>(async (ids) => {
      const citations = await ctx.repos.citations.byEntityIds(ids);
      return ids.map((id) => citations.get(id) ?? []);
    }),
);

/** The per-request loader of entities' citations. */
export const citationLoader = (ctx: Context) => citationLoaders(ctx);
