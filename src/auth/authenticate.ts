import type { IncomingMessage } from 'node:http';
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
 * Bearer tokens the HTTP server verified already (null: not valid), to count a request against its
 * key's limits before yoga runs; yoga then takes the answer rather than asking Neo4j again.
 */
export type VerifiedTokens = WeakMap<IncomingMessage, Principal | null>;

/** Verifies an Authorization header's bearer token: who it is, or null when it is not valid. */
export async function verifyBearer(
  db: Database,
  header: string,
  verifyJwt: JwtVerifier | null,
): Promise<Principal | null> {
  const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
  if (!token) return null;
  // An API key starts with rgk_; anything else is a JWT when the server takes them.
  return token.startsWith('rgk_') || !verifyJwt ? verifyKey(db, token) : verifyJwt(token);
}

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
  verified: VerifiedTokens = new WeakMap(),
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== endpoint) return;
      const header = request.headers.get('authorization');
      let refusal: string | null = null;
      if (header === null) {
        if (!anonymousReads) refusal = KEY_NEEDED;
      } else {
        const req = (serverContext as { req?: IncomingMessage }).req;
        const principal =
          req && verified.has(req)
            ? (verified.get(req) ?? null)
            : await verifyBearer(db, header, verifyJwt);
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
