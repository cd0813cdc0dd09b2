import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.ts';
import type { JwtVerifier } from './jwt.ts';
import { verifyKey } from './keys.ts';
import type { Principal } from './roles.ts';

/** What a 401 says, whatever was wrong with the token: nobody learns whether a key exists. */
const INVALID =
  'the bearer token is not valid: send "Authorization: Bearer <key>" with a current API key or token';
const KEY_NEEDED = 'this server answers clients with an API key only';

/** Who sent each request being served (absent: anonymous). */
export type Principals = WeakMap<Request, Principal>;

/**
 * Verifies the bearer token of every GraphQL request before yoga parses it: a token that does not
 * verify (an API key, or a JWT when configured) is answered 401 with `WWW-Authenticate: Bearer`,
 * with one message whatever is wrong with it. The token itself is never logged or echoed.
 */
export function useBearerAuth(
  db: Database,
  endpoint: string,
  anonymousReads: boolean,
  principals: Principals,
  verifyJwt: JwtVerifier | null = null,
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      const header = request.headers.get('authorization');
      let refusal: string | null = null;
      if (header === null) {
        if (!anonymousReads) refusal = KEY_NEEDED;
      } else {
        const match = /^Bearer +(\S+) *$/i.exec(header);
        const token = match?.[1];
        // An API key starts with rgk_; anything else is a JWT when the server takes them.
        const principal = !token
          ? null
          : token.startsWith('rgk_') || !verifyJwt
            ? await verifyKey(db, token)
            : await verifyJwt(token);
        if (principal) principals.set(request, principal);
        else refusal = INVALID;
      }
      if (refusal === null) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [{ message: refusal, extensions: { code: 'UNAUTHENTICATED' } }],
          }),
          {
            status: 401,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'www-authenticate':
                refusal === INVALID
                  ? 'Bearer realm="relations-graph", error="invalid_token"'
                  : 'Bearer realm="relations-graph"',
            },
          },
        ),
      );
    },
  };
}
