import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Characters of query text whose parsed documents are kept: a parsed document (its AST, and the
 * validation result cached beside it) takes tens of bytes per character of its text, so yoga's
 * default of 1,024 documents of up to GRAPHQL_MAX_CHARACTERS each held hundreds of megabytes after
 * enough novel or invalid queries. Ordinary operations are a few hundred characters: thousands fit.
 */
const DOCUMENT_CHARACTERS = 1_000_000;
/** Characters of query text whose parse errors are kept (each error holds its source). */
const ERROR_CHARACTERS = 200_000;

/** yoga's parse and validation caches, bounded by the size of the query texts they hold. */
export function documentCaches() {
  return {
    documentCache: new LRUCache<string, DocumentNode>({
      max: 1024,
      maxSize: DOCUMENT_CHARACTERS,
      sizeCalculation: (_document, text) => Math.max(1, text.length),
    }),
    errorCache: new LRUCache<string, object>({
      max: 256,
      maxSize: ERROR_CHARACTERS,
      sizeCalculation: (_error, text) => Math.max(1, text.length),
    }),
    validationCache: true,
  };
}
