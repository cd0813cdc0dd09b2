import { createRemoteJWKSet, type JWTPayload, type JWTVerifyOptions, jwtVerify } from 'jose';
import type { Config } from '../config.ts';
import { type Principal, ROLES, type Role } from './roles.ts';

/** Verifies a JWT and reads its principal; null whatever is wrong with it. */
export type JwtVerifier = (token: string) => Promise<Principal | null>;

/**
 * The JWT verifier the configuration asks for (HS256 with JWT_SECRET, or the keys at JWKS_URL),
 * or null when neither is set. jose checks the signature, `exp`/`nbf`, issuer and audience; the
 * token must also name its subject and a known role.
 */
export function jwtVerifier(config: Config): JwtVerifier | null {
  const options: JWTVerifyOptions = {
    ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
    ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
  };
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (config.JWT_SECRET) {
    const secret = new TextEncoder().encode(config.JWT_SECRET);
    verify = (token) => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
  } else if (config.JWKS_URL) {
    // Fetched on first use and again when a token names a key it does not hold.
    const keys = createRemoteJWKSet(new URL(config.JWKS_URL));
    verify = (token) => jwtVerify(token, keys, options);
  } else return null;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch {
      return null;
    }
    const role = payload[config.JWT_ROLE_CLAIM];
    if (typeof payload.sub !== 'string' || !payload.sub) return null;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
    const name = typeof payload.name === 'string' && payload.name ? payload.name : payload.sub;
    return { id: payload.sub, name, role: role as Role };
  };
}
