import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/default-query.ts';
import {
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
import { TestHelper } from '../helpers/test-helper.ts';

// What the limits let through, run against the seed graph; what they refuse is refused before any
// Cypher runs, and tested without a database in tests/unit/limits.test.ts.
describe('limits on what one request may ask', () => {
  const helpers: TestHelper[] = [];
  /** An app with these settings, on the shared test database. */
  const withEnv = (env: Record<string, string>) => {
    const helper = new TestHelper({ env });
    helpers.push(helper);
    return helper;
  };
  const helper = withEnv({});

  beforeAll(async () => {
    await helper.seed();
  });

  afterAll(async () => {
    await Promise.all(helpers.map((h) => h.close()));
  });

  describe('accepts legitimate queries under the defaults', () => {
    it('countries → treaties → parties → events, 5 per page, with citations', async () => {
      const answer = await ask(helper, nested(5));
      expectAnswered(answer);
      expect(answer.body.data.countries.edges.length).toBeGreaterThan(0);
      expect(answer.body.extensions).toEqual({ cost: { requested: 3561, limit: 25000 } });
    });

    it('a query of depth 6 (the limit)', async () => {
      expectAnswered(await ask(helper, linksChain(6)));
    });

    it("GraphiQL's default query", async () => {
      const answer = await ask(helper, DEFAULT_QUERY);
      expectAnswered(answer);
      expect(answer.body.extensions.cost.requested).toBeLessThan(25000);
    });

    it("a relation's history → openedBy → participants, at default page sizes", async () => {
      const answer = await ask(
        helper,
        `{ bilateralRelation(a: "russia", b: "israel") { history { status validFrom { value }
          validTo { value } openedBy { edges { node { name ... on Event {
            participants { edges { role node { name } } } } } } } } } }`,
      );
      expectAnswered(answer);
      expect(answer.body.data.bilateralRelation.history.length).toBeGreaterThan(1);
      // 1 + 20 × (1 + openedBy 1 + 20 × (1 + participants 1 + 20 × 1))
      expect(answer.body.extensions.cost.requested).toBe(8841);
    });

    it('timeline → concerns → locatedIn, at default page sizes, with citations', async () => {
      const concerns = `concerns { edges { node { name ... on Place {
        locatedIn { edges { node { name } } } } } } }`;
      const answer = await ask(
        helper,
        `{ timeline(from: "2018") { edges { date { value } node { name citations { quote }
          ... on Event { ${concerns} } ... on Incident { ${concerns} } } } } }`,
      );
      expectAnswered(answer);
      expect(answer.body.data.timeline.edges.length).toBeGreaterThan(0);
      // 1 + 20 × (1 + citations 21 + 2 × concerns (1 + 20 × (1 + locatedIn 1 + 20 × 1)))
      expect(answer.body.extensions.cost.requested).toBe(18081);
    });

    it('introspection, as GraphiQL sends it', async () => {
      const { getIntrospectionQuery } = await import('graphql');
      const answer = await ask(helper, getIntrospectionQuery({ descriptions: true }));
      expectAnswered(answer);
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
    });
  });

  describe('cost', () => {
    it('counts what a neighbourhood can carry: its limit times what each entity selects, and its links by their cap', async () => {
      const neighborhood = (alias: string, edges: string) =>
        `${alias}: neighborhood(id: "russia", depth: 3, limit: 200) {
        nodes { slug citations { quote document { title } } } edges { ${edges} } }`;
      // nodes 1 + 200 × (1 + citations 1 + 20 × 1); edges 1 + 2000 × (1 + what each selects).
      const one = await ask(helper, `{ ${neighborhood('n0', 'id source target')} }`);
      expectAnswered(one);
      expect(one.body.extensions.cost.requested).toBe(4401 + 2001);
      expectRefused(
        await ask(helper, `{ ${neighborhood('n0', 'id citations { quote }')} }`),
        /^Query cost limit of 25000 exceeded, found 48402; 48402 of it comes from n0 › edges \(2000\) › citations \(20\) /,
        'MAX_COST_EXCEEDED',
      );
      const twelve = Array.from({ length: 12 }, (_, i) => neighborhood(`n${i}`, 'id')).join(' ');
      expectRefused(
        await ask(helper, `{ ${twelve} }`),
        /^Query cost limit of 25000 exceeded, found 76824; 6402 of it comes from n0 › nodes \(200\) › citations \(20\) .*: ask for fewer nested lists\./,
        'MAX_COST_EXCEEDED',
      );
    });
  });

  describe('persisted documents', () => {
    const documents = usePersistedCountries();

    it('runs a document by its hash (Apollo style) or its documentId, POST or GET', async () => {
      const persisted = withEnv({ PERSISTED_DOCUMENTS_FILE: documents.file });
      const expected = { countries: { edges: [expect.anything(), expect.anything()] } };

      const apollo = await post(persisted, byHash(documents.id));
      expectAnswered(apollo);
      expect(apollo.body.data).toEqual(expected);

      const documentId = await post(persisted, { documentId: documents.id, variables: { n: 2 } });
      expectAnswered(documentId);
      expect(documentId.body.data).toEqual(expected);

      const get = await send(persisted, {
        url: `http://test/graphql?documentId=${documents.id}&variables=${encodeURIComponent('{"n":2}')}`,
        headers: { accept: GRAPHQL_JSON },
      });
      expectAnswered(get);
      expect(get.body.data).toEqual(expected);

      // Ad-hoc documents are still accepted unless PERSISTED_DOCUMENTS_ONLY.
      expectAnswered(await ask(persisted, '{ documents { slug } }'));
    });
  });
});
