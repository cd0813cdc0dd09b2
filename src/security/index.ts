import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { useBodySizeLimit } from '../http/body-size.ts';
import { useArmor } from './armor.ts';
import { useMaxCharacters } from './characters.ts';
import { CostBudget } from './cost-budget.ts';
import { useCostLimit } from './cost-limit.ts';
import { useCsrfPrevention } from './csrf.ts';
import { useMaxDepth } from './depth.ts';
import { documentCaches } from './document-caches.ts';
import { useGetOnlyForQueries } from './get-only-queries.ts';
import { useRequestChecks } from './http-requests.ts';
import { loadPersistedDocuments, usePersistedDocuments } from './persisted-documents.ts';
import {
  useClearerHttpErrors,
  useClearerOperationErrors,
  useHideOriginalErrors,
  useHideSuggestions,
} from './rewrite-errors.ts';

/** What production hides, and what it serves only when asked to. */
export function exposure(config: Config) {
  const production = config.NODE_ENV === 'production';
  return {
    production,
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    graphiql: config.GRAPHIQL ?? !production,
    suggestions: !production,
  };
}

/**
 * The plugins that bound what one request may ask (see docs/operations.md, "Security and limits"), in the
 * order they act: HTTP (accept, content type, parameters, CSRF), query text length, persisted
 * documents, GET for queries only and tokens (parse), aliases, directives, depth, operation types and
 * introspection (validation), variables and cost (before execution, which reports the cost in
 * `extensions.cost`), then the wording of errors (production hides suggestions and original
 * errors).
 */
export function securityPlugins(config: Config): Plugin[] {
  const { production, introspection, suggestions } = exposure(config);
  const plugins: Plugin[] = [
    useRequestChecks(),
    useBodySizeLimit(config.GRAPHQL_MAX_BODY_BYTES),
    useCsrfPrevention(),
    useMaxCharacters(config.GRAPHQL_MAX_CHARACTERS),
  ];
  if (config.PERSISTED_DOCUMENTS_ONLY && !config.PERSISTED_DOCUMENTS_FILE) {
    throw new Error('PERSISTED_DOCUMENTS_ONLY=true needs PERSISTED_DOCUMENTS_FILE');
  }
  if (config.PERSISTED_DOCUMENTS_FILE) {
    const documents = loadPersistedDocuments(config.PERSISTED_DOCUMENTS_FILE);
    plugins.push(usePersistedDocuments(documents, config.PERSISTED_DOCUMENTS_ONLY));
  }
  plugins.push(
    useGetOnlyForQueries(),
    useArmor({
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      blockFieldSuggestions: !suggestions,
    }),
    useMaxDepth(config.GRAPHQL_MAX_DEPTH),
  );
  if (!introspection) plugins.push(useDisableIntrospection());
  const budget = new CostBudget(
    config.GRAPHQL_COST_PER_SECOND,
    Math.max(config.GRAPHQL_MAX_COST, config.GRAPHQL_COST_PER_SECOND),
  );
  // The context's client: a signed-in key wherever it asks from, else the address.
  const clientOfContext = ({ client }: { client?: string }) => client;
  plugins.push(useCostLimit(config.GRAPHQL_MAX_COST, { budget, clientOf: clientOfContext }));
  if (!suggestions) plugins.push(useHideSuggestions());
  plugins.push(useClearerHttpErrors(config.GRAPHQL_MAX_BODY_BYTES), useClearerOperationErrors());
  if (production) plugins.push(useHideOriginalErrors());
  return plugins;
}

/** The yoga options the limits need besides plugins. */
export function securityOptions(config: Config) {
  return {
    // useBodySizeLimit applies GRAPHQL_MAX_BODY_BYTES instead, without streaming every body.
    maxRequestBodySize: false as const,
    // One operation per request: a JSON array body is refused with 400 "Batching is not supported."
    batching: false,
    // The schema takes no file uploads: multipart bodies are refused (415) rather than parsed.
    multipart: false,
    extraParamNames: config.PERSISTED_DOCUMENTS_FILE ? ['documentId'] : [],
    // Bounded by the size of what they hold, not only by count (see document-caches.ts).
    parserAndValidationCache: documentCaches(),
  };
}
