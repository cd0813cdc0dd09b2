import { initContextCache } from '@pothos/core';
import type { Principal } from './auth/roles.ts';
import type { Database, RequestScope } from './db/database.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import type { RevisionFeed } from './write/feed.ts';

/** What the write path needs: the database itself (writes are not request-scoped reads) and the feed. */
export interface Writes {
  db: Database;
  feed: RevisionFeed;
}

/**
 * What every resolver sees: the repositories, who is asking (null when anonymous), the write
 * path, and the per-request cache behind the loaders.
 */
export interface Context {
  repos: Repositories;
  user: Principal | null;
  writes: Writes;
  /** Whom the request's limits count against (see `limitedClient`); absent outside HTTP. */
  client: string | undefined;
}

/**
 * Builds a fresh context per request, so loaders never share results across requests; its reads
 * stop when the request's signal aborts (its client hung up).
 */
export function createContext(
  db: Database,
  scope: RequestScope | undefined,
  user: Principal | null,
  writes: Writes,
): Context {
  return {
    ...initContextCache(),
    repos: createRepositories(scope ? db.forRequest(scope) : db),
    user,
    writes,
    client: scope?.client,
  };
}
