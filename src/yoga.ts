import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import type { Database } from './db/database.ts';
import { DEFAULT_QUERY } from './default-query.ts';
import { AppError } from './errors.ts';
import { graphiqlTabs } from './graphiql-examples.ts';
import { isGraphiQLPage, useCompression } from './http/compression.ts';
import { useReadiness } from './http/readiness.ts';
import { useCloseOnUnreadBody } from './http/unread-body.ts';
import { schema } from './schema/index.ts';
import { corsOptions } from './security/cors.ts';
import { exposure, securityOptions, securityPlugins } from './security/index.ts';

export interface YogaOptions {
  db: Database;
  config: Config;
}

/**
 * The HTTP app: GraphQL at /graphql, liveness at /health, readiness (Neo4j answers) at /ready; the
 * limits on each request are in security/.
 */
export function createApp(options: YogaOptions) {
  const { db, config } = options;
  const { production, graphiql } = exposure(config);
  let graphiqlPage: string | undefined;
  const plugins: Plugin[] = [
    useCloseOnUnreadBody(),
    useCompression({ constantKey: (_, res) => (isGraphiQLPage(res) ? 'graphiql' : null) }),
    useReadiness('/ready', () => db.isReady()),
    ...securityPlugins(config),
  ];
  return createYoga({
    schema,
    context: () => createContext(db),
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
    // GraphiQL's scripts and styles inlined from the package, not fetched from a CDN, so it works
    // offline; the page (~9 MB) is the same for every request of this app, so it is built once.
    renderGraphiQL: (options) => (graphiqlPage ??= renderGraphiQL(options)),
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
