import { randomUUID } from 'node:crypto';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.ts';
import { graphVersionReader } from '../db/graph-version.ts';

/** How often a process reads the graph's version again: a change elsewhere is seen within this. */
export const GRAPH_VERSION_MEMO_MS = 250;

/**
 * The response cache (`@graphql-yoga/plugin-response-cache`), for anonymous queries only. Its key
 * is the query, its variables and the graph's version, so every import or revision, through any
 * process, makes every earlier answer unreachable. What it keeps is the execution result alone:
 * HTTP headers (a client's cost refusal and its retry-after) are made per request, results with
 * errors are never kept, mutations and subscriptions never. A hit is served before parsing and
 * costs its client no budget: it never reaches Neo4j. A request with an Authorization header
 * bypasses the cache: what a key may see is its own.
 */
export function useGraphResponseCache(db: Database, ttlMs: number): Plugin {
  const graphVersion = graphVersionReader(db, GRAPH_VERSION_MEMO_MS);
  return useResponseCache({
    ttl: ttlMs,
    // A version that cannot be read matches no earlier answer: the request reads the graph.
    session: () => graphVersion().catch(() => `unread:${randomUUID()}`),
    enabled: (request) => !request.headers.has('authorization'),
    shouldCacheResult: ({ result }) => !result.errors,
    // The cost extension the cost limit adds is the same for every client; the cache's own is noise.
    includeExtensionMetadata: false,
  });
}
