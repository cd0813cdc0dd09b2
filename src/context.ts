import { initContextCache } from '@pothos/core';
import type { Database } from './db/database.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';

/** What every resolver sees: the repositories, and the per-request cache behind the loaders. */
export interface Context {
  repos: Repositories;
}

/**
 * Builds a fresh context per request, so loaders never share results across requests; its reads
 * stop when `signal` (the request's, aborted when its client hangs up) aborts.
 */
export function createContext(db: Database, signal?: AbortSignal): Context {
  return {
    ...initContextCache(),
    repos: createRepositories(signal ? db.forRequest(signal) : db),
  };
}
