import { initContextCache } from '@pothos/core';
import type { Database, RequestScope } from './db/database.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';

/** What every resolver sees: the repositories, and the per-request cache behind the loaders. */
export interface Context {
  repos: Repositories;
}

/**
 * Builds a fresh context per request, so loaders never share results across requests; its reads
 * stop when the request's signal aborts (its client hung up).
 */
export function createContext(db: Database, scope?: RequestScope): Context {
  return {
    ...initContextCache(),
    repos: createRepositories(scope ? db.forRequest(scope) : db),
  };
}
