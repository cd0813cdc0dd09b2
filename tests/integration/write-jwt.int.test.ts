import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/yoga.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { SOVIET_LEADERSHIP, send } from '../helpers/write-client.ts';

// JWT bearer tokens beside API keys: signed with an HS256 secret, or by a key served as a JWKS.

const DOC = 'tass-russian-israeli-relations';
const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const ISSUER = 'https://id.example.test';
const AUDIENCE = 'relations-graph';
const INVALID =
  'the bearer token is not valid: send "Authorization: Bearer <key>" with a current API key or token';

const ADD_ENTITY = `mutation ($input: AddEntityInput!) {
  addEntity(input: $input) { revision { number author action } problems { message } }
}`;
const ADD_DOCUMENT = `mutation ($input: AddDocumentInput!) {
  addDocument(input: $input) { revision { number } problems { message } }
}`;

/** A document the check refuses (its slug), once past authentication and the role check. */
const BAD_DOCUMENT = {
  slug: 'Not A Slug',
  title: 't',
  publisher: 'p',
  kind: 'k',
  text: 't',
  reason: 'checking access',
};

/** A signed token for `claims`, valid for an hour unless `expires` says otherwise. */
function token(
  claims: Record<string, unknown>,
  options: { secret?: string; audience?: string; expires?: string | number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const addEntityInput = (expectedRevision: number) => ({
  input: {
    document: DOC,
    expectedRevision,
    reason: 'named in the text',
    entity: SOVIET_LEADERSHIP,
  },
});

describe('JWT bearer tokens', () => {
  const helper = useSeededGraph({
    env: { JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
  });

  it('lets a curator token write, recording its subject as the author', async () => {
    const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    const bearer = `Bearer ${await token({ sub: 'ann@example.test', role: 'curator' })}`;
    const made = await send(helper.app, bearer, ADD_ENTITY, addEntityInput(document.revision));
    expect(made.errors).toBeUndefined();
    expect(made.data?.addEntity).toEqual({
      revision: { number: document.revision + 1, author: 'ann@example.test', action: 'addEntity' },
      problems: [],
    });
    const [stored] = await helper.executeCypher<{ author: string }>(
      'MATCH (r:Revision {number: $number}) RETURN r.author AS author',
      { number: document.revision + 1 },
    );
    expect(stored?.author).toBe('ann@example.test');
  });

  it('answers an expired, wrongly signed, wrong-audience or role-less token 401, all alike', async () => {
    const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    const claims = { sub: 'mallory', role: 'admin' };
    const bad = {
      expired: await token(claims, { expires: Math.floor(Date.now() / 1000) - 60 }),
      'wrong signature': await token(claims, { secret: `${SECRET}-but-another` }),
      'wrong audience': await token(claims, { audience: 'another-service' }),
      'unknown role': await token({ sub: 'mallory', role: 'owner' }),
      'no subject': await token({ role: 'admin' }),
      'not a JWT': 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln',
    };
    for (const [what, jwt] of Object.entries(bad)) {
      const answer = await send(
        helper.app,
        `Bearer ${jwt}`,
        ADD_ENTITY,
        addEntityInput(document.revision),
      );
      expect(answer.status, what).toBe(401);
      expect(answer.headers.get('www-authenticate'), what).toBe(
        'Bearer realm="relations-graph", error="invalid_token"',
      );
      expect(answer.errors, what).toEqual([
        { message: INVALID, extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    }
    const { document: after } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
    expect(after.revision).toBe(document.revision);
  });

  it('refuses an editor-only mutation to a curator token with FORBIDDEN', async () => {
    const bearer = `Bearer ${await token({ sub: 'ann@example.test', role: 'curator' })}`;
    const answer = await send(helper.app, bearer, ADD_DOCUMENT, {
      input: {
        slug: 'a-note',
        title: 't',
        publisher: 'p',
        kind: 'k',
        text: 't',
        reason: 'checking access',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('verified against a JWKS', () => {
    let server: Server;
    let app: ReturnType<typeof createApp>;
    let sign: (claims: Record<string, unknown>) => Promise<string>;
    let signElsewhere: (claims: Record<string, unknown>) => Promise<string>;

    beforeAll(async () => {
      const ours = await generateKeyPair('RS256');
      const theirs = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(ours.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const config = loadConfig({
        NODE_ENV: 'test',
        JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        JWT_ROLE_CLAIM: 'https://relations-graph/role',
      });
      app = createApp({ db: helper.db, config });
      const signer =
        (key: CryptoKey | Parameters<SignJWT['sign']>[0]) => (claims: Record<string, unknown>) =>
          new SignJWT(claims)
            .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
            .setExpirationTime('1h')
            .sign(key);
      sign = signer(ours.privateKey);
      signElsewhere = signer(theirs.privateKey);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('takes a token signed by a key of the set, with the role from the configured claim', async () => {
      const { document } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
      const claims = { sub: 'bob', name: 'Bob', 'https://relations-graph/role': 'editor' };
      const signed = await send(app, `Bearer ${await sign(claims)}`, ADD_DOCUMENT, {
        input: BAD_DOCUMENT,
      });
      // Past authentication and the role check: what is wrong with the input answers.
      expect(signed.status).toBe(200);
      expect(signed.errors?.[0]?.extensions?.code ?? 'none').not.toMatch(
        /^(UNAUTHENTICATED|FORBIDDEN)$/,
      );
      expect(signed.data?.addDocument?.revision ?? null).toBeNull();

      const forged = await send(app, `Bearer ${await signElsewhere(claims)}`, ADD_DOCUMENT, {
        input: BAD_DOCUMENT,
      });
      expect(forged.status).toBe(401);
      expect(forged.errors?.[0]?.message).toBe(INVALID);
      const { document: after } = await helper.ask(`{ document(id: "${DOC}") { revision } }`);
      expect(after.revision).toBe(document.revision);
    });
  });
});
