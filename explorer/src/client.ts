import { Client, cacheExchange, fetchExchange } from '@urql/preact';
import { currentSession, requestHeaders } from './curator/session.ts';

/**
 * The explorer's GraphQL client: same-origin /graphql, urql's document cache (a result is reused for
 * the same query and variables, so back and forward redraw at once). Every request carries the
 * CSRF header, and the curator's key when signed in (read per request, so signing in needs no new client).
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: () => ({ headers: requestHeaders(currentSession()?.key) }),
});
