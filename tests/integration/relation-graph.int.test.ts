import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();

beforeAll(() => helper.seed());
afterAll(() => helper.close());

type Period = { slug: string; status: string; citations: { quote: string }[] } & {
  validFrom: { start: string } | null;
  validTo: { start: string } | null;
  openedBy: { totalCount: number };
};
type Page = { totalCount: number; edges: { node: Record<string, any> }[] };
type Entity = { slug: string; kind: string };
type Edge = { from: string; to: string; direction: string; citations: unknown[] };
type GraphEdge = { id: string; source: string; target: string };

const PERIOD = `slug status validFrom { start } validTo { start } openedBy { totalCount }
  citations { quote }`;

async function ok<Data>(query: string, variables: Record<string, unknown> = {}) {
  const result = await helper.executeGraphQL<Data>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Data;
}

async function failure(query: string, variables: Record<string, unknown> = {}) {
  const result = await helper.executeGraphQL(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code };
}

describe('bilateralRelation', () => {
  const RELATION = `query($a: ID!, $b: ID!) {
    bilateralRelation(a: $a, b: $b) {
      a { slug } b { slug } aLine { slug }
      history { ${PERIOD} }
      agreements(first: 100) { totalCount edges { node { slug signed { start } } } }
      events(first: 100) { totalCount edges { node { slug } } }
      visits { totalCount edges { node { slug category } } }
      incidents { totalCount edges { node { slug } } }
      figures { totalCount edges { node { slug value unit period { value } } } }
    }
  }`;
  type Relation = Record<string, any> & { history: Period[] };
  const relation = async (a: string, b: string) =>
    (await ok<{ bilateralRelation: Relation }>(RELATION, { a, b })).bilateralRelation;
  const slugs = (page: Page) => page.edges.map((e) => e.node.slug as string);

  it('has the seven periods of USSR/Russia–Israel in order, without gap or overlap', async () => {
    const { a, b, aLine, history } = await relation('russia', 'israel');
    expect([a.slug, b.slug]).toEqual(['russia', 'israel']);
    expect(aLine.map((s: Entity) => s.slug)).toEqual(['russia', 'ussr']);
    expect(history.map((p) => [p.status, p.validFrom?.start])).toEqual([
      ['FULL', '1948-05-22'],
      ['SEVERED', '1953-02-01'],
      ['FULL', '1953-07-01'],
      ['SEVERED', '1967-06-01'],
      ['CONSULAR', '1987-01-01'],
      ['FULL', '1991-10-18'],
      ['FULL', '1991-12-01'],
    ]);
    history.forEach((period, i) => {
      expect(period.openedBy.totalCount).toBeGreaterThan(0);
      expect(period.validTo?.start ?? null).toBe(history[i + 1]?.validFrom?.start ?? null);
    });
    // The same line of states, whichever side or state is asked.
    const ids = (periods: Period[]) => periods.map((p) => p.slug);
    expect(ids((await relation('israel', 'russia')).history)).toEqual(ids(history));
    expect(ids((await relation('ussr', 'israel')).history)).toEqual(ids(history));
  });

  it('gives the status holding on a day, at and inside each boundary, with its quote', async () => {
    const [q1948, q1953, q1953b, q1967, q1987, q1991, qRussia] = [
      'established diplomatic relations with it about a week later',
      'In February 1953, diplomatic ties were severed at USSR’s initiative',
      'Diplomatic ties were restored several months later, in July 1953',
      'In June 1967, after the start of the Six-Day War, the Soviet Union once again severed relations with Israel',
      'Consular relations were restored in 1987',
      'full-fledged diplomatic relations resumed on October 18, 1991',
      'In December 1991, Israel recognized Russia as the successor state of the Soviet Union',
    ];
    const cases: [string, string | null, string | null][] = [
      ['1948-05-21', null, null],
      ['1948-05-22', 'FULL', q1948],
      ['1953-01-31', 'FULL', q1948],
      ['1953-02-01', 'SEVERED', q1953],
      ['1953-06-30', 'SEVERED', q1953],
      ['1953-07-01', 'FULL', q1953b],
      ['1967-05-31', 'FULL', q1953b],
      ['1967-06-01', 'SEVERED', q1967],
      ['1986-12-31', 'SEVERED', q1967],
      ['1987-01-01', 'CONSULAR', q1987],
      ['1991-10-17', 'CONSULAR', q1987],
      ['1991-10-18', 'FULL', q1991],
      ['1991-11-30', 'FULL', q1991],
      ['1991-12-01', 'FULL', qRussia],
      ['2024-01-01', 'FULL', qRussia],
    ];
    const fields = cases.map(([day], i) => `s${i}: status(asOf: "${day}") { ${PERIOD} }`);
    const queries: string[] = [];
    const stop = helper.db.onQuery((cypher) => queries.push(cypher));
    const data = await ok<{ bilateralRelation: Record<string, Period | null> }>(
      `{ bilateralRelation(a: "russia", b: "israel") { ${fields.join('\n')} } }`,
    );
    stop();
    cases.forEach(([day, status, quote], i) => {
      const period = data.bilateralRelation[`s${i}`];
      expect(period?.status ?? null, day).toBe(status);
      if (quote) expect(period?.citations.map((c) => c.quote) ?? [], day).toContain(quote);
    });
    // Both countries' lines and every asOf of the request are answered by one query; then one
    // for the periods' citations and one for their openedBy lists.
    expect(queries.filter((q) => q.includes('UNWIND $days'))).toHaveLength(1);
    expect(queries).toHaveLength(3);
  });

  it('lists the agreements, events, incidents and figures both share', async () => {
    const r = await relation('russia', 'israel');
    const signed: string[] = r.agreements.edges.flatMap((e: any) => e.node.signed?.start ?? []);
    expect(r.agreements.totalCount).toBeGreaterThanOrEqual(10);
    expect(signed.length).toBeGreaterThanOrEqual(10);
    expect(signed).toEqual([...signed].sort());
    expect(slugs(r.agreements)).toContain('russia-israel-visa-free-agreement');
    expect(slugs(r.agreements)).not.toContain('russia-iran-arms-contracts');
    // Through the USSR (line of states) and through office holders (Netanyahu, Putin).
    const events = ['ussr-israel-ties-established-1948', 'netanyahu-visit-to-moscow-2019-02'];
    expect(slugs(r.events)).toEqual(expect.arrayContaining(events));
    expect(r.events.totalCount).toBe(r.events.edges.length);
    expect(r.visits.totalCount).toBeGreaterThan(0);
    for (const edge of r.visits.edges) expect(edge.node.category).toBe('VISIT');
    expect(slugs(r.incidents)).toContain('il-20-incident-2018');
    const trade = r.figures.edges.find((e: any) => e.node.slug === 'russia-israel-trade-2019');
    const expected = {
      value: 1.73,
      unit: 'billion US dollars',
      period: { value: '2019-01/2019-09' },
    };
    expect(trade?.node).toMatchObject(expected);
  });

  it('pages a list in the database and batches aliased relations', async () => {
    const queries: string[] = [];
    const stop = helper.db.onQuery((cypher) => queries.push(cypher));
    const data = await ok<{ x: { agreements: Page; history: Period[] }; y: { history: Period[] } }>(
      `{ x: bilateralRelation(a: "russia", b: "israel") {
           agreements(first: 3) { totalCount edges { node { slug } } } history { slug } }
         y: bilateralRelation(a: "syria", b: "israel") { history { slug } } }`,
    );
    stop();
    expect(data.x.agreements.edges).toHaveLength(3);
    expect(data.x.agreements.totalCount).toBeGreaterThanOrEqual(10);
    expect(data.x.history).toHaveLength(7);
    expect(data.y.history).toEqual([]);
    // One query per relation (its lines with its history), one for the agreements page.
    expect(queries).toHaveLength(3);
  });

  it('rejects unknown slugs, non-countries, a == b and one line of states', async () => {
    const query = 'query($a: ID!, $b: ID!) { bilateralRelation(a: $a, b: $b) { a { slug } } }';
    const ask = (a: string, b: string) => failure(query, { a, b });
    const unknown = await ask('atlantis', 'israel');
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('atlantis');
    const person = await ask('israel', 'vladimir-putin');
    expect(person.code).toBe('NOT_FOUND');
    expect(person.message).toContain('vladimir-putin');
    expect((await ask('israel', 'israel')).code).toBe('BAD_USER_INPUT');
    expect((await ask('russia', 'ussr')).code).toBe('BAD_USER_INPUT');
  });
});

describe('path', () => {
  const PATH = `query($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      length nodes { slug kind } edges { from to type direction citations { quote } }
    }
  }`;
  type PathData = { path: { length: number; nodes: Entity[]; edges: Edge[] } | null };

  it('finds a shortest path whose edges join consecutive nodes', async () => {
    const near = { from: 'benjamin-netanyahu', to: 'il-20-incident-2018' };
    const { path } = await ok<PathData>(PATH, near);
    expect(path).not.toBeNull();
    const { nodes, edges, length } = path as NonNullable<PathData['path']>;
    expect(nodes[0]?.slug).toBe('benjamin-netanyahu');
    expect(nodes.at(-1)?.slug).toBe('il-20-incident-2018');
    expect(length).toBe(edges.length);
    expect(nodes).toHaveLength(length + 1);
    expect(length).toBeLessThanOrEqual(4);
    edges.forEach((edge, i) => {
      const [here, next] = [nodes[i]?.slug, nodes[i + 1]?.slug];
      expect([edge.from, edge.to].sort()).toEqual([here, next].sort());
      expect(edge.direction).toBe(edge.from === here ? 'OUTGOING' : 'INCOMING');
      expect(edge.citations.length).toBeGreaterThan(0);
    });
    expect(nodes.map((n) => n.kind)).not.toContain('Document');
  });

  it('is null beyond maxHops, and checks its arguments', async () => {
    const near = { from: 'benjamin-netanyahu', to: 'il-20-incident-2018' };
    expect((await ok<PathData>(PATH, { ...near, maxHops: 1 })).path).toBeNull();
    const tooFar = await failure(PATH, { ...near, maxHops: 7 });
    expect(tooFar.code).toBe('BAD_USER_INPUT');
    expect(tooFar.message).toContain('6');
    expect((await failure(PATH, { ...near, maxHops: 0 })).code).toBe('BAD_USER_INPUT');
    const unknown = await failure(PATH, { from: 'nobody-at-all', to: 'israel' });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('nobody-at-all');
  });
});

describe('neighborhood', () => {
  const HOOD = `query($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      center { slug } nodes { slug kind } edges { id source target type } truncated
    }
  }`;
  type HoodData = {
    neighborhood: { center: Entity; nodes: Entity[]; edges: GraphEdge[]; truncated: boolean };
  };
  const hood = async (variables: Record<string, unknown>) =>
    (await ok<HoodData>(HOOD, { id: 'il-20-incident-2018', ...variables })).neighborhood;

  function expectClosed({ nodes, edges }: HoodData['neighborhood']) {
    const slugs = new Set(nodes.map((n) => n.slug));
    expect(slugs.size).toBe(nodes.length);
    for (const edge of edges) {
      expect(slugs.has(edge.source) && slugs.has(edge.target), edge.id).toBe(true);
    }
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  }

  it('holds the entities one link away and the links among them', async () => {
    const n = await hood({ depth: 1 });
    expect(n.center.slug).toBe('il-20-incident-2018');
    expect(n.nodes[0]?.slug).toBe('il-20-incident-2018');
    const slugs = n.nodes.map((x) => x.slug);
    const expected = ['israel', 'russia', 'syria', 'israeli-air-force', 'mediterranean-sea'];
    expect(slugs).toEqual(expect.arrayContaining(expected));
    expect(n.truncated).toBe(false);
    expectClosed(n);
    // At depth 1 every node touches the center.
    for (const slug of slugs.slice(1)) {
      const touches = n.edges.some(
        (e) => [e.source, e.target].includes(slug) && [e.source, e.target].includes(n.center.slug),
      );
      expect(touches, slug).toBe(true);
    }
  });

  it('reaches the Il-20 and the S-200 two links away (through Russia and Syria)', async () => {
    const n = await hood({ depth: 2, limit: 200 });
    expect(n.nodes.map((x) => x.slug)).toEqual(expect.arrayContaining(['il-20', 's-200']));
    expectClosed(n);
  });

  it('reads only slugs and link ends for a drawing, with the same answer as a full read', async () => {
    const sent: string[] = [];
    const stop = helper.db.onQuery((cypher) => sent.push(cypher));
    const lean = await ok<any>(
      '{ neighborhood(id: "il-20-incident-2018", depth: 2) { nodes { slug } edges { source target type } } }',
    );
    const full = await ok<any>(
      '{ neighborhood(id: "il-20-incident-2018", depth: 2) { nodes { slug description } edges { source target type role } } }',
    );
    stop();
    expect(sent[0]).not.toContain('.*');
    expect(sent[0]).not.toContain('properties(r)');
    expect(sent[1]).toContain('properties(r)');
    expect(lean.neighborhood.nodes.map((n: any) => n.slug)).toEqual(
      full.neighborhood.nodes.map((n: any) => n.slug),
    );
    const ends = (data: any) =>
      data.neighborhood.edges.map((e: any) => [e.source, e.target, e.type]);
    expect(ends(lean)).toEqual(ends(full));
    expect(full.neighborhood.nodes.every((n: any) => typeof n.description === 'string')).toBe(true);
  });

  it('respects limit and says when it cut', async () => {
    const n = await hood({ depth: 2, limit: 10 });
    expect(n.nodes).toHaveLength(10);
    expect(n.nodes[0]?.slug).toBe('il-20-incident-2018');
    expect(n.truncated).toBe(true);
    expectClosed(n);
    const depthOne = new Set((await hood({ depth: 1 })).nodes.map((x) => x.slug));
    // Nearest first: the ten are all one link away, as at least ten are.
    for (const node of n.nodes) expect(depthOne.has(node.slug), node.slug).toBe(true);
  });

  it('checks its arguments', async () => {
    const id = 'il-20-incident-2018';
    expect((await failure(HOOD, { id, depth: 4 })).code).toBe('BAD_USER_INPUT');
    expect((await failure(HOOD, { id, limit: 201 })).message).toContain('200');
    expect((await failure(HOOD, { id, limit: 0 })).code).toBe('BAD_USER_INPUT');
    expect((await failure(HOOD, { id: 'nowhere-land' })).code).toBe('NOT_FOUND');
  });
});
