import { type DocumentNode, GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What yoga puts on the context of an HTTP request. */
interface YogaContext {
  request?: Request;
  params?: { operationName?: string };
}

/**
 * GET runs queries only: yoga refuses a mutation sent with GET (405, Allow: POST) but would take a
 * subscription; this refuses every operation other than a query the same way.
 */
export function useGetOnlyForQueries(): Plugin {
  return {
    onParse() {
      return ({ result, context }) => {
        const { request, params } = context as YogaContext;
        if (request?.method !== 'GET' || !result || result instanceof Error) return;
        const operation = getOperationAST(result as DocumentNode, params?.operationName);
        if (operation && operation.operation !== 'query') {
          throw new GraphQLError(
            `Can only perform a query operation from a GET request; send this ${operation.operation} with POST.`,
            {
              extensions: {
                code: 'BAD_REQUEST',
                http: { status: 405, headers: { Allow: 'POST' } },
              },
            },
          );
        }
      };
    },
  };
}
