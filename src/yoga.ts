import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { type Principals, useBearerAuth, type VerifiedTokens } from './auth/authenticate.ts';
import { type JwtVerifier, jwtVerifier } from './auth/jwt.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import type { Database } from './db/database.ts';
import { DEFAULT_QUERY } from './default-query.ts';
import { AppError } from './errors.ts';
import { graphiqlTabs } from './graphiql-examples.ts';
import { limitedClient } from './http/client-concurrency.ts';
import { isGraphiQLPage, useCompression } from './http/compression.ts';
import { graphiqlPage } from './http/graphiql-page.ts';
import { useReadiness } from './http/readiness.ts';
import { useGraphResponseCache } from './http/response-cache.ts';
import { useCloseOnUnreadBody } from './http/unread-body.ts';
import { schema } from './schema/index.ts';
import { corsOptions, useVaryOrigin } from './security/cors.ts';
import { exposure, securityOptions, securityPlugins } from './security/index.ts';
import { useSseEventIds } from './write/event-ids.ts';
import { createRevisionFeed } from './write/feed.ts';

export interface YogaOptions {
  db: Database;
  config: Config;
  /** Bearer tokens the HTTP server verified before handing the request over. */
  verified?: VerifiedTokens;
  /** The JWT check, shared with the HTTP server (default: made from the config). */
  verifyJwt?: JwtVerifier | null;
}

/**
 * The HTTP app: GraphQL at /graphql, liveness at /health, readiness (Neo4j answers) at /ready; the
 * limits on each request are in security/.
 */
export function createApp(options: YogaOptions) {
  const { db, config } = options;
  const { production, graphiql } = exposure(config);
  const graphiqlPageOnce = graphiqlPage();
  const writes = { db, feed: createRevisionFeed() };
  const principals: Principals = new WeakMap();
  const plugins: Plugin[] = [
    graphiqlPageOnce.plugin,
    useVaryOrigin(),
    useCloseOnUnreadBody(),
    useCompression({ constantKey: (_, res) => (isGraphiQLPage(res) ? 'graphiql' : null) }),
    useReadiness('/ready', () => db.isReady()),
    useBearerAuth(
      db,
      '/graphql',
      config.ANONYMOUS_READS,
      principals,
      options.verifyJwt === undefined ? jwtVerifier(config) : options.verifyJwt,
      options.verified,
    ),
    ...securityPlugins(config),
    useSseEventIds(),
  ];
  // After the limits' parameter checks (persisted documents fill in the query text it keys on).
  if (config.RESPONSE_CACHE_TTL_MS > 0) {
    plugins.push(useGraphResponseCache(db, config.RESPONSE_CACHE_TTL_MS));
  }
  return createYoga({
    schema,
    context: ({ request, req }: { request: Request; req?: IncomingMessage }) => {
      const user = principals.get(request) ?? null;
      // A key's requests share its limits and cool-downs wherever they come from.
      const client = req && limitedClient(user, req, config.TRUST_PROXY);
      return createContext(db, { signal: request.signal, client }, user, writes);
    },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: graphiql
      ? {
          title: 'Relations graph',
          defaultQuery: DEFAULT_QUERY,
          defaultTabs: graphiqlTabs(DEFAULT_QUERY),
        }
      : false,
    renderGraphiQL: graphiqlPageOnce.render,
    plugins,
    cors: corsOptions(config),
    ...securityOptions(config),
    maskedErrors: {
      isDev: !production,
      maskError: (error, message, isDev) => {
        // An AppError is the client's to read: graphql-js already reports it with its code, path
        // and locations. Returning it as it is also keeps it out of the error log.
        if (error instanceof GraphQLError && error.originalError instanceof AppError) return error;
        if (error instanceof AppError) {
          return new GraphQLError(error.message, { extensions: { code: error.code } });
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
