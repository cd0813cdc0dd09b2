import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import type { Database } from './db/database.ts';
import { DEFAULT_QUERY } from './default-query.ts';
import { AppError } from './errors.ts';
import { schema } from './schema/index.ts';

export interface YogaOptions {
  db: Database;
  config: Config;
}

/** The HTTP app: GraphQL at /graphql, liveness at /health, readiness (Neo4j answers) at /ready. */
export function createApp(options: YogaOptions) {
  const { db, config } = options;
  const production = config.NODE_ENV === 'production';
  const graphiql = config.GRAPHIQL ?? !production;
  const plugins: Plugin[] = [useReadinessCheck({ endpoint: '/ready', check: () => db.isReady() })];
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: graphiql ? { title: 'Relations graph', defaultQuery: DEFAULT_QUERY } : false,
    plugins,
    maskedErrors: {
      isDev: !production,
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof AppError) {
          return new GraphQLError(original.message, {
            extensions: { code: original.code },
          });
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
