import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

// A root field costs one Cypher statement holding everything selected below it (src/planner/),
// whatever the depth and the result size.
describe('round trips per query', () => {
  // Pages of 100 at every level on purpose: the cost limit is not what this file tests.
  const helper = new TestHelper({ env: { GRAPHQL_MAX_COST: '1000000000' } });

  beforeAll(async () => {
    await helper.seed();
  });

  afterAll(async () => {
    await helper.close();
  });

  async function roundTrips(query: string): Promise<{ trips: number; data: unknown }> {
    let trips = 0;
    const stop = helper.db.onQuery(() => {
      trips += 1;
    });
    try {
      const result = await helper.executeGraphQL(query);
      expect(result.errors).toBeUndefined();
      return { trips, data: result.data };
    } finally {
      stop();
    }
  }

  it('countries → treaties → parties → events costs 1 round trip', async () => {
    const { trips, data } = await roundTrips(`{
      countries(first: 100) { edges { node { name
        treaties(first: 100) { edges { node { name
          ... on Treaty { parties(first: 100) { edges { node { name
            ... on Country { events(first: 100) { edges { node { name } } } }
          } } } }
        } } }
      } } }
    }`);
    expect(JSON.stringify(data).match(/"name"/g)?.length).toBeGreaterThan(50);
    expect(trips).toBe(1);
  });

  it('the same walk through `nodes`, with no fragment on typed lists, costs 1 round trip too', async () => {
    const { trips, data } = await roundTrips(`{
      countries(first: 100) { nodes { name
        treaties(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { name signed { value }
          parties(first: 100) { nodes { name
            ... on Country { events(first: 100) { nodes { name } } }
          } }
        } }
      } }
    }`);
    expect(JSON.stringify(data).match(/"name"/g)?.length).toBeGreaterThan(50);
    expect(trips).toBe(1);
  });

  it('citations and their documents on every level stay batched', async () => {
    const { trips } = await roundTrips(`{
      events(first: 100) { edges { node { name
        citations { quote document { title } }
        ... on Event { participants(first: 100) { edges { role citations { quote document { title } }
          node { name citations { quote document { title } } } } } }
      } } }
    }`);
    // Events with their citations, participants and theirs (an entity's citations bring their
    // documents) in one statement; the documents of the links' citations (one batch).
    expect(trips).toBe(2);
  });

  it('an entity with its citations and their documents costs 1 round trip', async () => {
    const { trips, data } = await roundTrips(
      '{ entity(id: "israel") { name citations { quote document { title } } } }',
    );
    expect(JSON.stringify(data)).toContain('Summary of Russian-Israeli relations');
    expect(trips).toBe(1);
  });

  it('two aliases with different pages of the same list stay in the root field’s one query', async () => {
    const { trips } = await roundTrips(`{
      countries(first: 100) { edges { node {
        first: treaties(first: 1) { edges { node { name } } }
        rest: treaties(first: 5, after: "T2Zmc2V0Q29ubmVjdGlvbjow") { edges { node { name } } }
      } } }
    }`);
    expect(trips).toBe(1);
  });

  it('costs one statement per root field at any depth', async () => {
    const level = (depth: number): string =>
      depth === 0 ? 'slug' : `slug links(first: 3) { nodes { ${level(depth - 1)} } }`;
    // Up to the depth limit (6, the root field counted).
    for (const depth of [1, 3, 5]) {
      const { trips, data } = await roundTrips(`{
        a: entity(id: "russia") { ${level(depth)} }
        b: countries(first: 5) { nodes { ${level(depth)} } }
        c: treaties(first: 5) { totalCount nodes { ${level(depth)} } }
      }`);
      expect(JSON.stringify(data).match(/"slug"/g)?.length).toBeGreaterThan(3 * depth);
      expect(trips).toBe(3);
    }
  });

  it('gives equivalent link type lists one query text, whatever their order and repeats', async () => {
    const sent: string[] = [];
    const stop = helper.db.onQuery((cypher) => sent.push(cypher));
    const answers = [];
    try {
      for (const types of ['[PARTY_TO, CITES]', '[CITES, PARTY_TO]', '[CITES, CITES, PARTY_TO]']) {
        answers.push(
          await helper.ask(
            `{ entity(id: "russia") { links(types: ${types}, first: 50) { nodes { slug } } } }`,
          ),
        );
      }
    } finally {
      stop();
    }
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('nested lists read in one query', () => {
  const helper = new TestHelper({ env: { GRAPHQL_MAX_COST: '1000000000' } });

  beforeAll(async () => {
    await helper.seed();
  });

  afterAll(async () => {
    await helper.close();
  });

  async function withTrips(query: string, variables?: Record<string, unknown>) {
    let trips = 0;
    const stop = helper.db.onQuery(() => {
      trips += 1;
    });
    try {
      return { data: (await helper.ask(query, variables)) as any, trips };
    } finally {
      stop();
    }
  }

  const PARTIES = `parties(first: 10) { totalCount edges { role node { slug name
    ... on Country { leaders(first: 3) { totalCount edges { role node { slug
      ... on Person { offices(first: 10) { edges { role node { slug } } } }
    } } } }
  } } }`;

  it('answers a four-level query from one entity in one query, as the levels asked one by one', async () => {
    const { data, trips } = await withTrips(`{
      entity(id: "russia") { slug citations { quote }
        ... on Country { treaties(first: 20) { totalCount edges { node { slug
          ... on Treaty { ${PARTIES} }
        } } } }
      }
    }`);
    expect(trips).toBe(1);
    const treaties = data.entity.treaties.edges;
    expect(treaties.length).toBeGreaterThan(3);
    expect(data.entity.citations.length).toBeGreaterThan(0);
    let leaders = 0;
    for (const { node } of treaties) {
      // The same list asked at the top level, where nothing is read ahead of it.
      const alone = await helper.ask(
        `query ($slug: ID!) { entity(id: $slug) { ... on Treaty { ${PARTIES} } } }`,
        { slug: node.slug },
      );
      expect(node.parties).toEqual((alone as any).entity.parties);
      for (const party of node.parties.edges) leaders += party.node.leaders?.edges.length ?? 0;
    }
    expect(leaders).toBeGreaterThan(0);
  });

  it('keeps fields of the same list apart when kinds differ: countries’ leaders, organisations’ office holders', async () => {
    const query = `query ($slug: ID!) { entity(id: $slug) {
      links(first: 100, kinds: [COUNTRY, ORGANIZATION]) { edges { node { slug kind __typename
        ... on Country { holders: leaders(first: 5) { edges { node { slug } } } }
        ... on Organization { holders: officeHolders(first: 5) { edges { node { slug } } } }
      } } }
    } }`;
    const { data, trips } = await withTrips(query, { slug: 'russia' });
    expect(trips).toBe(1);
    const nodes = data.entity.links.edges.map((e: any) => e.node);
    const withHolders = nodes.filter((n: any) => n.holders?.edges.length > 0);
    expect(new Set(withHolders.map((n: any) => n.kind))).toEqual(
      new Set(['COUNTRY', 'ORGANIZATION']),
    );
    for (const node of withHolders) {
      const field = node.kind === 'COUNTRY' ? 'leaders' : 'officeHolders';
      const alone = (await helper.ask(
        `query ($slug: ID!) { entity(id: $slug) { ... on ${node.__typename} { holders: ${field}(first: 5) { edges { node { slug } } } } } }`,
        { slug: node.slug },
      )) as any;
      expect(node.holders).toEqual(alone.entity.holders);
    }
  });

  it('follows fragments, aliases with their own pages, and @include/@skip', async () => {
    const { data, trips } = await withTrips(
      `query ($withParties: Boolean!) {
        entity(id: "russia") { ...TreatyList }
      }
      fragment TreatyList on Country {
        early: treaties(first: 2) { edges { node { slug ...Parties } } }
        later: treaties(first: 2, after: "T2Zmc2V0Q29ubmVjdGlvbjow") { edges { node { slug ...Parties } } }
        skipped: events(first: 2) @skip(if: true) { totalCount }
      }
      fragment Parties on Treaty {
        parties(first: 5) @include(if: $withParties) { edges { node { slug } } }
      }`,
      { withParties: true },
    );
    expect(trips).toBe(1);
    expect(data.entity.skipped).toBeUndefined();
    expect(data.entity.early.edges).toHaveLength(2);
    expect(data.entity.later.edges[0].node.slug).not.toBe(data.entity.early.edges[0].node.slug);
    expect(data.entity.later.edges[0].node.slug).toBe(data.entity.early.edges[1].node.slug);
    for (const { node } of [...data.entity.early.edges, ...data.entity.later.edges]) {
      expect(node.parties.edges.length).toBeGreaterThan(0);
    }
  });

  it('reads only the properties the selection needs, every field naming its own', async () => {
    const sent: string[] = [];
    const stop = helper.db.onQuery((cypher) => sent.push(cypher));
    const lean = (await helper.ask(`{ entity(id: "russia") { slug name
      ... on Country { treaties(first: 50) { edges { node { slug name } } } } } }`)) as any;
    const dated = (await helper.ask(`{ entity(id: "russia") { slug name description
      ... on Country { treaties(first: 50) { edges { role node { slug name kind
        ... on Treaty { signed { value } } } } } } } }`)) as any;
    const rich = (await helper.ask(`{ entity(id: "russia") { slug name
      ... on Country { events(first: 50) { edges { node { slug name ... on Event { category } } } } } } }`)) as any;
    stop();
    expect(sent).toHaveLength(3);
    // The lean query reads id, kind and name, and no link properties.
    expect(sent[0]).toContain('[m_0.id, m_0.kind, m_0.name]');
    expect(sent[0]).not.toContain('properties(r');
    expect(sent[0]).not.toContain('.*');
    // A date field names its properties, and so does the edges' role.
    expect(sent[1]).toContain('m_0.signedStart');
    expect(sent[1]).not.toContain('.*');
    expect(sent[1]).toContain('r_0 {.role}');
    expect(sent[1]).not.toContain('properties(r');
    // Every field of an entity declares what it reads (an event's category too).
    expect(sent[2]).toContain('m_0.category');
    expect(sent[2]).not.toContain('.*');
    const names = (data: any) =>
      data.entity.treaties.edges.map((e: any) => [e.node.slug, e.node.name]);
    expect(names(lean)).toEqual(names(dated));
    expect(dated.entity.description.length).toBeGreaterThan(10);
    expect(dated.entity.treaties.edges.some((e: any) => e.node.signed?.value)).toBe(true);
    expect(rich.entity.events.edges.some((e: any) => e.node.category)).toBe(true);
  });

  it('still refuses a bad page size below the first level, with the field’s own error', async () => {
    const result = await helper.executeGraphQL(`{
      entity(id: "russia") { ... on Country { treaties(first: 2) { edges { node {
        ... on Treaty { parties(first: 1000) { totalCount } }
      } } } } }
    }`);
    expect(result.errors?.[0]?.message).toMatch(/first must be between 1 and 100/);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
