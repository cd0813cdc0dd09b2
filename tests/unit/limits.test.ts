import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersistedDocuments } from '../../src/security/persisted-documents.ts';
import {
  type Answer,
  type AppUnderTest,
  ask,
  byHash,
  expectAnswered,
  expectRefused,
  GRAPHQL_JSON,
  linksChain,
  nested,
  post,
  send,
  usePersistedCountries,
} from '../helpers/app-requests.ts';
import { stubApp } from '../helpers/stub-store.ts';

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: documents { slug }`).join(' ')} }`;

const globalId = (typename: string, id: string) =>
  Buffer.from(`${typename}:${id}`).toString('base64');

// The limits and yoga's HTTP handling decide before any Cypher runs: the app runs here on a stub
// store (no database); what they let through is answered by a real Neo4j in limits.int.test.ts.
describe('limits on what one request may ask', () => {
  /** The app with these settings, on a stub store. */
  const withEnv = (env: Record<string, string>) => stubApp(env);
  const helper = withEnv({});

  describe('depth', () => {
    it('refuses a query of depth 7 before running it', async () => {
      expectRefused(
        await ask(helper, linksChain(7)),
        "Query depth limit of 6 exceeded, found 7 on entity › links › links › links › links › links › links (a connection's edges and node do not count as levels): query what lies deeper separately, starting from node(id:).",
        'MAX_DEPTH_EXCEEDED',
      );
    });

    it("does not count a connection's edges and node: countries → … → events is 4 deep", async () => {
      const four = withEnv({ GRAPHQL_MAX_DEPTH: '4' });
      const three = withEnv({ GRAPHQL_MAX_DEPTH: '3' });
      const query = nested(1).replace(/citations \{ quote document \{ title \} \}/, '');
      expectAnswered(await ask(four, query));
      expectRefused(
        await ask(three, query),
        /^Query depth limit of 3 exceeded, found 4 /,
        'MAX_DEPTH_EXCEEDED',
      );
    });

    it('counts the levels fragments add where they are spread', async () => {
      const two = withEnv({ GRAPHQL_MAX_DEPTH: '2' });
      const query = `
        { entity(id: "russia") { ...Links } }
        fragment Links on Entity { links(first: 1) { edges { node { ...More } } } }
        fragment More on Entity { links(first: 1) { edges { node { slug } } } }`;
      expectRefused(await ask(two, query), /found 3 /, 'MAX_DEPTH_EXCEEDED');
    });

    it('does not count introspection', async () => {
      const one = withEnv({ GRAPHQL_MAX_DEPTH: '1' });
      expectAnswered(
        await ask(one, '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'),
      );
    });
  });

  describe('aliases', () => {
    it('refuses 16 aliases, accepts 15', async () => {
      expectRefused(
        await ask(helper, aliases(16)),
        'Aliases limit of 15 exceeded, found 16.',
        'MAX_ALIASES_EXCEEDED',
      );
      expectAnswered(await ask(helper, aliases(15)));
    });

    it('is configurable: GRAPHQL_MAX_ALIASES=2 refuses 3', async () => {
      const two = withEnv({ GRAPHQL_MAX_ALIASES: '2' });
      expectRefused(
        await ask(two, aliases(3)),
        'Aliases limit of 2 exceeded, found 3.',
        'MAX_ALIASES_EXCEEDED',
      );
      expectAnswered(await ask(two, aliases(2)));
    });
  });

  it('refuses more than 50 directives', async () => {
    const fields = Array.from({ length: 51 }, () => 'slug @include(if: true)').join(' ');
    expectRefused(
      await ask(helper, `{ documents { ${fields} } }`),
      'Directives limit of 50 exceeded, found 51.',
      'MAX_DIRECTIVES_EXCEEDED',
    );
  });

  it('refuses more than 1000 tokens, while parsing', async () => {
    const query = `{ documents { ${'slug '.repeat(1000)}} }`;
    expect(query.length).toBeLessThan(15_000);
    expectRefused(await ask(helper, query), 'Token limit of 1000 exceeded.', 'MAX_TOKENS_EXCEEDED');
  });

  it('refuses a query text over 15000 characters, before parsing', async () => {
    const query = `{ __typename }\n# ${'x'.repeat(15_000)}`;
    expectRefused(
      await ask(helper, query),
      `Query length limit of 15000 characters exceeded, found ${query.length}.`,
      'MAX_CHARACTERS_EXCEEDED',
    );
  });

  describe('cost', () => {
    it('refuses nested lists whose pages multiply past 25000, naming the lists to shrink', async () => {
      // 1 + 100 × (1 + 1 + 100 × (1 + 1 + 20 × 1)): every country's treaties, every treaty's parties.
      const query = `{ countries(first: 100) { edges { node {
        treaties(first: 100) { edges { node { ... on Treaty { parties { totalCount } } } } } } } } }`;
      const answer = await ask(helper, query);
      expectRefused(
        answer,
        'Query cost limit of 25000 exceeded, found 220201; 220201 of it comes from countries (100) › ' +
          'treaties (100) › parties (20) (the items each list may return in brackets): ask for ' +
          'smaller pages of countries, treaties, parties (first/last; a page without them holds 20 ' +
          'items) or for fewer nested lists. A list costs 1, plus, for each item it may return, 1 ' +
          'and the cost of what the item selects.',
        'MAX_COST_EXCEEDED',
      );
      expect(answer.body.extensions).toEqual({ cost: { requested: 220201, limit: 25000 } });
    });

    it('counts the page sizes given as variables', async () => {
      const query = nested('$n').replace('{', 'query ($n: Int) {');
      expectRefused(await ask(helper, query, { n: 10 }), /found 33221;/, 'MAX_COST_EXCEEDED');
      const answer = await ask(helper, query, { n: 9 });
      expectAnswered(answer);
      expect(answer.body.extensions.cost.requested).toBe(23509);
    });

    it('counts 20 items for a list without first or last', async () => {
      const query = nested(20).replaceAll('(first: 20)', '');
      expectRefused(await ask(helper, query), /found 344841;/, 'MAX_COST_EXCEEDED');
    });

    it('is configurable: GRAPHQL_MAX_COST=100 refuses what costs 109', async () => {
      const cheap = withEnv({ GRAPHQL_MAX_COST: '100' });
      // 1 + countries × (1 + 1 + 10 × 1): each country, its treaties, each treaty.
      const query = (countries: number) => `{ countries(first: ${countries}) { edges { node {
        treaties(first: 10) { totalCount } } } } }`;
      expectAnswered(await ask(cheap, query(8)));
      expectRefused(
        await ask(cheap, query(9)),
        /^Query cost limit of 100 exceeded, found 109;/,
        'MAX_COST_EXCEEDED',
      );
    });

    it('reports the cost and the limit in every response', async () => {
      const answer = await ask(helper, '{ __typename countries(first: 2) { totalCount } }');
      expectAnswered(answer);
      expect(answer.body.extensions).toEqual({ cost: { requested: 3, limit: 25000 } });
    });
  });

  describe('argument caps (checked before any Cypher runs)', () => {
    const pageError = (name: string, value: number) =>
      `${name} must be between 1 and 100; got ${value}`;

    for (const size of [0, 101, -1]) {
      it(`refuses a page size of ${size}`, async () => {
        const answer = await ask(helper, `{ countries(first: ${size}) { totalCount } }`);
        expectRefused(answer, pageError('first', size), 'BAD_USER_INPUT', 200);
      });
    }

    it('refuses last: 101', async () => {
      const answer = await ask(helper, '{ countries(last: 101) { totalCount } }');
      expectRefused(answer, pageError('last', 101), 'BAD_USER_INPUT', 200);
    });

    it('refuses path maxHops 7', async () => {
      const answer = await ask(
        helper,
        '{ path(from: "russia", to: "israel", maxHops: 7) { length } }',
      );
      expectRefused(answer, 'maxHops must be between 1 and 6; got 7', 'BAD_USER_INPUT', 200);
    });

    it('refuses neighborhood depth 4 and limit 201', async () => {
      const depth = await ask(helper, '{ neighborhood(id: "russia", depth: 4) { truncated } }');
      expectRefused(depth, 'depth must be between 1 and 3; got 4', 'BAD_USER_INPUT', 200);
      const limit = await ask(helper, '{ neighborhood(id: "russia", limit: 201) { truncated } }');
      expectRefused(limit, 'limit must be between 1 and 200; got 201', 'BAD_USER_INPUT', 200);
    });

    it('refuses nodes(ids:) with 101 ids, accepts 100', async () => {
      const ids = (n: number) => Array.from({ length: n }, () => globalId('Country', 'russia'));
      const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      expectRefused(
        await ask(helper, query, { ids: ids(101) }),
        'ids must hold at most 100 ids; got 101',
        'BAD_USER_INPUT',
        200,
      );
      const answer = await ask(helper, query, { ids: ids(100) });
      expectAnswered(answer);
      expect(answer.body.data.nodes).toHaveLength(100);
    });
  });

  describe('HTTP', () => {
    const bigBody = JSON.stringify({ query: `{ __typename }\n#${'x'.repeat(100_000)}` });

    it('refuses a body over 100 kB with 413, by its Content-Length, before reading it', async () => {
      const answer = await send(helper, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: GRAPHQL_JSON,
          'content-length': String(Buffer.byteLength(bigBody)),
        },
        body: bigBody,
      });
      expectRefused(
        answer,
        `Request body too large: ${Buffer.byteLength(bigBody)} bytes; the limit is 100000 bytes.`,
        'REQUEST_ENTITY_TOO_LARGE',
        413,
      );
      expect(answer.contentType).toContain(GRAPHQL_JSON);
    });

    it('refuses a body over the limit that has no Content-Length, as it is read', async () => {
      const bytes = new TextEncoder().encode(bigBody);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 10_000) {
            controller.enqueue(bytes.subarray(at, at + 10_000));
          }
          controller.close();
        },
      });
      const answer = await send(helper, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expectRefused(
        answer,
        'Request body too large: the limit is 100000 bytes.',
        'REQUEST_ENTITY_TOO_LARGE',
        413,
      );
    });

    it('is configurable: GRAPHQL_MAX_BODY_BYTES', async () => {
      const small = withEnv({ GRAPHQL_MAX_BODY_BYTES: '100' });
      expectAnswered(await ask(small, '{ __typename }'));
      const answer = await ask(small, `{ __typename } # ${'x'.repeat(100)}`);
      expectRefused(answer, /the limit is 100 bytes\.$/, 'REQUEST_ENTITY_TOO_LARGE', 413);
    });

    it('refuses a batch (a JSON array) with 400', async () => {
      const answer = await post(helper, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expectRefused(
        answer,
        'Batching is not supported: send one operation per request, as a JSON object, not an array.',
        'BAD_REQUEST',
      );
    });

    const get = (query: string) =>
      send(helper, {
        url: `http://test/graphql?query=${encodeURIComponent(query)}`,
        headers: { accept: GRAPHQL_JSON },
      });

    it('runs queries with GET', async () => {
      const answer = await get('{ documents { slug } }');
      expectAnswered(answer);
      expect(answer.contentType).toContain(GRAPHQL_JSON);
    });

    it('refuses a mutation or a subscription sent with GET: 405, Allow: POST', async () => {
      for (const type of ['mutation', 'subscription']) {
        const response = await helper.app.fetch(
          `http://test/graphql?query=${encodeURIComponent(`${type} { __typename }`)}`,
          { headers: { accept: GRAPHQL_JSON } },
        );
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('POST');
        const body = (await response.json()) as any;
        expect(body.errors[0].message).toBe(
          `Can only perform a query operation from a GET request; send this ${type} with POST.`,
        );
      }
    });

    it('refuses, before running anything, an Accept it cannot answer: 406 saying why', async () => {
      const answer = await send(helper, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/xml' },
        body: JSON.stringify({ query: '{ documents { slug } }' }),
      });
      expect(answer.status).toBe(406);
      expect(answer.body.errors[0].message).toBe(
        'Not Acceptable: this server answers in application/graphql-response+json or ' +
          'application/json, and the request accepts only "application/xml".',
      );
      expect(answer.cypher).toBe(0);
    });

    it('refuses a POST in another content type: 415 saying what to send', async () => {
      const answer = await send(helper, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', accept: GRAPHQL_JSON },
        body: '{ documents { slug } }',
      });
      expect(answer.status).toBe(415);
      expect(answer.body.errors[0].message).toBe(
        'Unsupported Media Type: send the request as application/json, not "text/plain".',
      );
    });

    it('refuses variables that are not JSON with 400, not a 500', async () => {
      const answer = await send(helper, {
        url: `http://test/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7Bx`,
        headers: { accept: GRAPHQL_JSON },
      });
      expectRefused(
        answer,
        /^The request's parameters are not valid: variables and extensions must be JSON objects \(/,
        'BAD_REQUEST',
      );
    });

    it('refuses other methods with 405', async () => {
      const answer = await send(helper, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expectRefused(answer, 'GraphQL only supports GET and POST requests.', 'BAD_REQUEST', 405);
    });
  });

  describe('production and development', () => {
    const typo = '{ documnts { slug } }';
    const enumTypo = '{ search(text: "russia", kinds: [CONTRY]) { totalCount } }';
    const introspection = '{ __schema { description } }';
    const graphiql = (h: AppUnderTest) =>
      h.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    /** Makes every Cypher query fail with an internal message, for the time of `run`. */
    async function failing(h: AppUnderTest, run: () => Promise<Answer>) {
      const stop = h.db.onQuery(() => {
        throw new Error('secret internal detail at neo4j://10.0.0.1');
      });
      try {
        return await run();
      } finally {
        stop();
      }
    }

    it('production hides suggestions, internal errors, introspection and GraphiQL', async () => {
      const production = withEnv({ NODE_ENV: 'production' });

      const field = await ask(production, typo);
      expect(field.body.errors[0].message).toBe('Cannot query field "documnts" on type "Query".');
      const value = await ask(production, enumTypo);
      expect(value.body.errors[0].message).toMatch(
        /^Value "CONTRY" does not exist in "EntityKind" enum\.?$/,
      );
      expect(JSON.stringify([field.body, value.body])).not.toContain('Did you mean');

      const internal = await failing(production, () => ask(production, '{ documents { slug } }'));
      expect(internal.body.errors).toEqual([
        expect.objectContaining({
          message: 'Unexpected error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      expect(JSON.stringify(internal.body)).not.toMatch(/secret|stack|neo4j:/);

      expectRefused(
        await ask(production, introspection),
        'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
        'GRAPHQL_VALIDATION_FAILED',
      );

      const page = await graphiql(production);
      expect(page.status).toBe(406);
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(await page.text()).not.toContain('graphiql');
    });

    it('production serves introspection and GraphiQL when asked to', async () => {
      const open = withEnv({
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHIQL: 'true',
      });
      expectAnswered(await ask(open, introspection));
      const page = await graphiql(open);
      expect(page.headers.get('content-type')).toContain('text/html');
    });

    it('development shows suggestions, error details, introspection and GraphiQL', async () => {
      const development = withEnv({ NODE_ENV: 'development' });
      const field = await ask(development, typo);
      expect(field.body.errors[0].message).toBe(
        'Cannot query field "documnts" on type "Query". Did you mean "documents" or "document"?',
      );
      const value = await ask(development, enumTypo);
      expect(value.body.errors[0].message).toContain('Did you mean the enum value "COUNTRY"?');

      const internal = await failing(development, () => ask(development, '{ documents { slug } }'));
      expect(internal.body.errors[0].message).toBe('Unexpected error.');
      expect(internal.body.errors[0].extensions.originalError.message).toBe(
        'secret internal detail at neo4j://10.0.0.1',
      );
      expect(internal.body.errors[0].extensions.originalError.stack).toBeTypeOf('string');

      expectAnswered(await ask(development, introspection));
      const page = await graphiql(development);
      expect(page.headers.get('content-type')).toContain('text/html');
    });
  });

  describe('persisted documents', () => {
    const documents = usePersistedCountries();

    it('refuses an unknown hash', async () => {
      const persisted = withEnv({ PERSISTED_DOCUMENTS_FILE: documents.file });
      const unknown = 'f'.repeat(64);
      expectRefused(
        await post(persisted, byHash(unknown)),
        `Persisted document "${unknown}" not found: no trusted document has this id.`,
        'PERSISTED_QUERY_NOT_FOUND',
      );
    });

    it('with PERSISTED_DOCUMENTS_ONLY, refuses any query text', async () => {
      const only = withEnv({
        PERSISTED_DOCUMENTS_FILE: documents.file,
        PERSISTED_DOCUMENTS_ONLY: 'true',
      });
      expectAnswered(await post(only, byHash(documents.id)));
      expectRefused(
        await ask(only, '{ documents { slug } }'),
        'Only persisted documents are accepted here: send a document id (documentId, or ' +
          'extensions.persistedQuery.sha256Hash) instead of a query text.',
        'PERSISTED_QUERY_ONLY',
      );
      // Even the text of a trusted document: only its id is accepted.
      expectRefused(
        await ask(only, documents.text, { n: 2 }),
        /^Only persisted documents/,
        'PERSISTED_QUERY_ONLY',
      );
    });

    it('refuses a file whose id is not the hash of its document', async () => {
      const bad = join(documents.dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ ['0'.repeat(64)]: '{ __typename }' }));
      expect(() => loadPersistedDocuments(bad)).toThrow(
        `Persisted documents file ${bad}: "${'0'.repeat(64)}" is not the SHA-256 of its document`,
      );
    });
  });
});
