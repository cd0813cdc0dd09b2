import { createHash } from 'node:crypto';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';
import type { CitationRow } from '../db/citation-row.ts';
import {
  type FactFilter,
  NO_FILTER,
  type StatedEntityRow,
  type StatedLinkRow,
} from '../db/document-facts-repository.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { Page, PageWindow } from '../db/page.ts';
import type { ConnectionPlan, ExpandedLink, LinkSpec } from '../planner/plan-types.ts';
import { attachExtras } from '../planner/planned.ts';

// Loaders whose key needs more than an id (a link list depends on its spec, page window and plan)
// are kept here, one per distinct key per request; plain by-id loaders live on the refs.

const linkLoaders = createContextCache(
  () => new Map<string, DataLoader<string, Page<ExpandedLink>>>(),
);

// Plans are cached objects: each is written out and hashed once, not at every parent, into a key
// of a few bytes whatever the plan's depth. Equal plans (one per alias of a field, e.g.
// `a: status(…) { openedBy } b: status(…) { openedBy }`) have one key and share a loader.
const planKeys = new WeakMap<ConnectionPlan, string>();

function planKey(plan: ConnectionPlan): string {
  let key = planKeys.get(plan);
  if (key === undefined) {
    key = createHash('sha256').update(JSON.stringify(plan)).digest('base64url');
    planKeys.set(plan, key);
  }
  return key;
}

/**
 * The per-request loader of link pages for one spec, window and plan, for parents no plan read
 * (entities fetched by id, search hits, …): one query for all the parents of a level, reading
 * every level below it too, its rows carrying their pages for the fields below.
 */
export function linkPageLoader(
  ctx: Context,
  spec: LinkSpec,
  window: PageWindow,
  plan: ConnectionPlan,
) {
  const key = `${JSON.stringify([spec, window])}:${planKey(plan)}`;
  const loaders = linkLoaders(ctx);
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const pages = await ctx.repos.links.pages(ids, { ...plan, spec, window });
      for (const page of pages.values()) {
        for (const link of page.rows) attachExtras(plan.expansion, link.node, link.extras);
      }
      return ids.map((id) => pages.get(id) ?? { rows: [], offset: 0, total: 0 });
    });
    loaders.set(key, loader);
  }
  return loader;
}

type Fact = 'entities' | 'links';
type FactRow<F extends Fact> = F extends 'entities' ? StatedEntityRow : StatedLinkRow;

const factsLoaders = createContextCache(() => new Map<string, DataLoader<string, Page<unknown>>>());

/** The per-request loader of what documents state, for one list and page window. */
export function factsLoader<F extends Fact>(
  ctx: Context,
  fact: F,
  window: PageWindow,
  filter: FactFilter = NO_FILTER,
) {
  const key = JSON.stringify([fact, window, filter]);
  const loaders = factsLoaders(ctx);
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const pages = await ctx.repos.documentFacts[fact](ids, window, filter);
      return ids.map((id) => pages.get(id) ?? { rows: [], offset: 0, total: 0 });
    });
    loaders.set(key, loader);
  }
  return loader as DataLoader<string, Page<FactRow<F>>>;
}

const entityLoaders = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, EntityRow | null>(async (ids) => {
      const rows = new Map((await ctx.repos.entities.byIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
);

/** The per-request loader of entities by slug, any kind; null for an unknown slug. */
export const entityLoader = (ctx: Context) => entityLoaders(ctx);

const citationLoaders = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, CitationRow[]>(async (ids) => {
      const citations = await ctx.repos.citations.byEntityIds(ids);
      return ids.map((id) => citations.get(id) ?? []);
    }),
);

/** The per-request loader of entities' citations. */
export const citationLoader = (ctx: Context) => citationLoaders(ctx);
