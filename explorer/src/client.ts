import { Client, cacheExchange, fetchExchange } from '@urql/preact';

/**
 * The explorer's GraphQL client: same-origin /graphql, urql's document cache (a result is reused for
 * the same query and variables, so back and forward redraw at once).
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
});
