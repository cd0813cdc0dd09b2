import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';

/**
 * A response sent before the request's body was read to its end (413 on a body over the limit,
 * chunked or not) closes the connection: Node would otherwise read and discard the rest of the body
 * before the next request on that connection could start, however long the client keeps sending.
 */
export function useCloseOnUnreadBody(): Plugin<object, { req?: IncomingMessage }> {
  return {
    onResponse({ response, serverContext }) {
      if (serverContext.req && !serverContext.req.complete) {
        response.headers.set('connection', 'close');
      }
    },
  };
}
