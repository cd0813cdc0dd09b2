import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

// What a client relies on: typed link lists, lookups that fail alone, one way to name an
// entity and a date, `nodes`, `orderBy`, relations as nodes, documents leading to their facts.

const helper = new TestHelper();
const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

describe('typed link lists', () => {
  it('give the fields of their kind without fragments, the link’s own fields on the edge', async () => {
    const data = await helper.ask(`{
      entity(id: "russia") { ... on Country {
        treaties(first: 2) { edges { type direction node { __typename name signed { value } } } }
        leaders(first: 1) { nodes { __typename offices(first: 1) { edges { role } } } }
      } }
    }`);
    const { treaties, leaders } = data.entity;
    for (const edge of treaties.edges) {
      expect(edge).toMatchObject({
        type: 'PARTY_TO',
        direction: 'OUTGOING',
        node: { __typename: 'Treaty', signed: { value: expect.any(String) } },
      });
    }
    expect(leaders.nodes[0].__typename).toBe('Person');
    expect(leaders.nodes[0].offices.edges[0].role).toEqual(expect.any(String));
  });

  it('give `nodes` as the edges’ nodes, in the same order', async () => {
    const data = await helper.ask(`{
      countries(first: 5) { nodes { slug } edges { node { slug } } }
      entity(id: "israel") { links(first: 10) { nodes { slug } edges { node { slug } } } }
    }`);
    for (const list of [data.countries, data.entity.links]) {
      expect(list.nodes).toEqual(list.edges.map((edge: { node: unknown }) => edge.node));
      expect(list.nodes.length).toBeGreaterThan(0);
    }
  });
});

describe('single lookups', () => {
  it('answer null with a NOT_FOUND error at their path, siblings keeping their data', async () => {
    const result = await helper.executeGraphQL(`{
      known: entity(id: "russia") { name }
      unknown: entity(id: "nope") { name }
      relation: bilateralRelation(a: "russia", b: "atlantis") { id }
      hood: neighborhood(id: "nope") { truncated }
      document(id: "nope") { title }
    }`);
    expect(result.data).toEqual({
      known: { name: 'Russia' },
      unknown: null,
      relation: null,
      hood: null,
      document: null,
    });
    const errors = (result.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);
    expect(errors.sort()).toEqual([
      ['document', 'NOT_FOUND'],
      ['hood', 'NOT_FOUND'],
      ['relation', 'NOT_FOUND'],
      ['unknown', 'NOT_FOUND'],
    ]);
  });
});

describe('naming entities', () => {
  it('takes a slug or a global id wherever an entity is named', async () => {
    const russia = b64('Country:russia');
    const israel = b64('Country:israel');
    const netanyahu = b64('Person:benjamin-netanyahu');
    const query = (a: string, b: string, who: string) => `{
      entity(id: "${a}") { slug }
      neighborhood(id: "${a}") { center { slug } nodes { slug } }
      path(from: "${a}", to: "${b}") { length }
      bilateralRelation(a: "${a}", b: "${b}") { a { slug } b { slug } }
      treaties(party: "${a}", first: 100) { totalCount }
      unResolutions(citedBy: "${a}") { totalCount }
      timeline(involving: ["${who}"], first: 100) { nodes { slug } }
    }`;
    const bySlug = await helper.ask(query('russia', 'israel', 'benjamin-netanyahu'));
    const byId = await helper.ask(query(russia, israel, netanyahu));
    expect(byId).toEqual(bySlug);
    expect(bySlug.entity.slug).toBe('russia');
    expect(bySlug.treaties.totalCount).toBeGreaterThan(0);
    expect(bySlug.unResolutions.totalCount).toBeGreaterThan(0);
    expect(bySlug.timeline.nodes.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND, not an empty list, for a filter naming no entity', async () => {
    const cases = [
      ['treaties(party: "nope")', 'party: no entity has the id "nope"'],
      [
        `unResolutions(citedBy: "${b64('Country:nope')}")`,
        `citedBy: no entity has the id "${b64('Country:nope')}"`,
      ],
      ['timeline(involving: ["nope"])', 'involving: no entity has the id "nope"'],
    ];
    for (const [field, message] of cases) {
      const result = await helper.executeGraphQL(`{ ${field} { totalCount } }`);
      expect(result.data).toBeNull();
      expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['NOT_FOUND', message],
      ]);
    }
  });

  it('refuses a global id of another kind or of something that is not an entity', async () => {
    const result = await helper.executeGraphQL(`{
      person: entity(id: "${b64('Person:russia')}") { slug }
      document: entity(id: "${b64('Document:tass-russian-israeli-relations')}") { slug }
    }`);
    expect(result.data).toEqual({ person: null, document: null });
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['document', 'BAD_USER_INPUT'],
      ['person', 'NOT_FOUND'],
    ]);
  });
});

describe('dates', () => {
  it('reads a partial asOf as its first day, as period bounds are compared', async () => {
    const data = await helper.ask(`{ bilateralRelation(a: "russia", b: "israel") {
      year: status(asOf: "1970") { slug }
      day: status(asOf: "1970-01-01") { slug }
      month: status(asOf: "1987-02") { slug }
      monthDay: status(asOf: "1987-02-01") { slug }
    } }`);
    const relation = data.bilateralRelation;
    expect(relation.year).toEqual(relation.day);
    expect(relation.year).not.toBeNull();
    expect(relation.month).toEqual(relation.monthDay);
  });
});

describe('orderBy', () => {
  it('orders root lists by name or date, either way', async () => {
    const names = async (order: string) =>
      (
        await helper.ask(`{ countries(first: 100, orderBy: ${order}) { nodes { name } } }`)
      ).countries.nodes.map((n: { name: string }) => n.name);
    const ascending = await names('{ field: NAME }');
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en')));
    expect(await names('{ field: NAME, direction: DESC }')).toEqual([...ascending].reverse());
  });

  it('orders link lists latest first, undated still last', async () => {
    const days = async (direction: string) =>
      (
        await helper.ask(`{ entity(id: "israel") { ... on Country {
          events(first: 100, orderBy: { field: DATE, direction: ${direction} }) {
            nodes { slug date { start } }
          }
        } } }`)
      ).entity.events.nodes as { slug: string; date: { start: string } | null }[];
    const asc = await days('ASC');
    const desc = await days('DESC');
    const dated = (list: typeof asc) => list.filter((n) => n.date).map((n) => n.date?.start);
    expect(dated(desc)).toEqual([...dated(asc)].sort().reverse());
    expect(dated(asc)).toEqual([...dated(asc)].sort());
    const undated = desc.findIndex((n) => !n.date);
    if (undated >= 0) expect(desc.slice(undated).every((n) => !n.date)).toBe(true);
  });

  it('takes kinds in SCREAMING_CASE', async () => {
    const data = await helper.ask(
      '{ search(text: "resolution", kinds: [UN_RESOLUTION], first: 1) { nodes { kind __typename } } }',
    );
    expect(data.search.nodes).toEqual([{ kind: 'UN_RESOLUTION', __typename: 'UNResolution' }]);
  });
});

describe('a bilateral relation as a node', () => {
  it('has a global id that node(id:) refetches, with its lists', async () => {
    const { bilateralRelation } = await helper.ask(
      '{ bilateralRelation(a: "russia", b: "israel") { id agreements(first: 2) { nodes { slug } } } }',
    );
    const { node } = await helper.ask(
      `query ($id: ID!) { node(id: $id) { id ... on BilateralRelation {
        a { slug } b { slug } agreements(first: 2) { nodes { slug } }
      } } }`,
      { id: bilateralRelation.id },
    );
    expect(node).toEqual({
      id: bilateralRelation.id,
      a: { slug: 'russia' },
      b: { slug: 'israel' },
      agreements: bilateralRelation.agreements,
    });
    const unknown = await helper.ask('query ($id: ID!) { node(id: $id) { id } }', {
      id: b64('BilateralRelation:russia:atlantis'),
    });
    expect(unknown.node).toBeNull();
  });
});

describe('documents', () => {
  const TASS = 'tass-russian-israeli-relations';

  it('lead to every entity and link they state, each quote placed in their text', async () => {
    const data = await helper.ask(`{ document(id: "${TASS}") {
      text
      entities(first: 100) { totalCount edges { node { slug } citations { quote start end } } }
      links(first: 100) {
        totalCount
        edges { node { type from { slug } to { slug } } citations { quote start end document { slug } } }
      }
    } }`);
    const { text, entities, links } = data.document;
    const [counts] = await helper.executeCypher<{ entities: number; links: number }>(
      `MATCH (d:Document {id: $id})
       CALL (d) { MATCH (e:Entity)-[:CITED_IN]->(d) RETURN count(e) AS entities }
       CALL (d) { MATCH (:Entity)-[r]->(:Entity) WHERE d.id IN r.sources RETURN count(r) AS links }
       RETURN entities, links`,
      { id: TASS },
    );
    expect(entities.totalCount).toBe(Number(counts?.entities));
    expect(links.totalCount).toBe(Number(counts?.links));
    expect(entities.edges.length).toBe(Math.min(100, entities.totalCount));
    for (const edge of [...entities.edges, ...links.edges]) {
      expect(edge.citations.length).toBeGreaterThan(0);
      for (const { quote, start, end } of edge.citations) {
        expect(text.slice(start, end)).toBe(quote);
      }
    }
    for (const edge of links.edges) {
      const documents = edge.citations.map((c: { document: { slug: string } }) => c.document.slug);
      expect(new Set(documents)).toEqual(new Set([TASS]));
    }
  });

  it('is found by its global id too', async () => {
    const { document } = await helper.ask(
      `{ document(id: "${b64(`Document:${TASS}`)}") { slug } }`,
    );
    expect(document.slug).toBe(TASS);
  });
});
