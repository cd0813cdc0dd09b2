import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES } from '../../src/knowledge/vocabulary.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';

interface LinkPage {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { slug: string } }[];
}

describe('links and pagination over HTTP', () => {
  const helper = useSeededGraph();

  const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
    helper.ask<T>(query, variables);

  it('pages a root list the same whether or not its total is asked for', async () => {
    type Nodes = { nodes: { slug: string }[]; edges: { cursor: string }[] };
    const counted = await ask<{ events: Nodes & { totalCount: number } }>(
      '{ events(first: 100) { totalCount nodes { slug } edges { cursor } } }',
    );
    const all = counted.events.nodes.map((n) => n.slug);
    expect(all.length).toBe(counted.events.totalCount);
    expect(all.length).toBeGreaterThan(6);
    // Without totalCount or pageInfo the page is read with SKIP/LIMIT: the same items, in order.
    for (const offset of [0, 2, all.length - 2]) {
      const after = offset === 0 ? null : counted.events.edges[offset - 1]?.cursor;
      const page = await ask<{ events: Nodes }>(
        'query ($after: String) { events(first: 3, after: $after) { nodes { slug } } }',
        { after },
      );
      expect(page.events.nodes.map((n) => n.slug)).toEqual(all.slice(offset, offset + 3));
    }
  });

  it('walks every link type in the data both ways, each edge cited', async () => {
    const used = await helper.executeCypher<{ type: string; from: string; to: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WITH type(r) AS type, min([a.id, b.id]) AS pair
       RETURN type, pair[0] AS from, pair[1] AS to ORDER BY type`,
    );
    expect(used.length).toBeGreaterThan(20);
    for (const { type, from, to } of used) {
      expect(LINK_TYPE_NAMES).toContain(type);
      const query = `query ($slug: ID!, $type: LinkType!, $direction: LinkDirection!) {
        entity(id: $slug) { links(types: [$type], direction: $direction, first: 100) {
          edges { type direction node { slug } citations { quote document { slug } } } } } }`;
      const out = await ask<{ entity: { links: { edges: any[] } } }>(query, {
        slug: from,
        type,
        direction: 'OUTGOING',
      });
      const edge = out.entity.links.edges.find((e) => e.node.slug === to);
      expect(edge, `${from} -${type}-> ${to}`).toMatchObject({ type, direction: 'OUTGOING' });
      expect(edge.citations.length).toBeGreaterThan(0);
      const back = await ask<{ entity: { links: { edges: any[] } } }>(query, {
        slug: to,
        type,
        direction: 'INCOMING',
      });
      expect(back.entity.links.edges.find((e) => e.node.slug === from)).toMatchObject({
        type,
        direction: 'INCOMING',
      });
    }
  });

  const COUNTRIES = `query ($first: Int, $after: String, $last: Int, $before: String) {
    countries(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { slug } } } }`;

  const page = async (vars: Record<string, unknown>) =>
    (await ask<{ countries: LinkPage }>(COUNTRIES, vars)).countries;

  it('pages forward to the last page and back again, in the same order', async () => {
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    const slugs = all.edges.map((e) => e.node.slug);

    const first = await page({ first: 4 });
    expect(first.edges.map((e) => e.node.slug)).toEqual(slugs.slice(0, 4));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const collected = [...first.edges];
    let cursor = first.pageInfo.endCursor;
    let last = first;
    while (last.pageInfo.hasNextPage) {
      last = await page({ first: 4, after: cursor });
      collected.push(...last.edges);
      cursor = last.pageInfo.endCursor;
    }
    expect(collected.map((e) => e.node.slug)).toEqual(slugs);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const tail = await page({ last: 3 });
    expect(tail.edges.map((e) => e.node.slug)).toEqual(slugs.slice(-3));
    const before = await page({ last: 2, before: tail.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.slug)).toEqual(slugs.slice(-5, -3));
  });

  it('returns an empty page after the last item, with the total still known', async () => {
    const all = await page({ first: 100 });
    const empty = await page({ first: 5, after: all.pageInfo.endCursor });
    expect(empty).toEqual({
      totalCount: all.totalCount,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it('accepts a cursor taken from another query as a position in this list', async () => {
    const events = await ask<{ events: LinkPage }>(
      '{ events(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }',
    );
    const all = await page({ first: 100 });
    const next = await page({ first: 2, after: events.events.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.slug)).toEqual(
      all.edges.slice(2, 4).map((e) => e.node.slug),
    );
  });

  it('filters events by category and orders them by date or name', async () => {
    const visits = await ask<{
      events: { edges: { node: { category: string; date: { start: string } } }[] };
    }>(
      '{ events(category: VISIT, first: 100) { edges { node { ... on Event { category date { start } } } } } }',
    );
    expect(visits.events.edges.length).toBeGreaterThanOrEqual(3);
    expect(visits.events.edges.every((e) => e.node.category === 'VISIT')).toBe(true);
    const dated = visits.events.edges.map((e) => e.node.date?.start).filter(Boolean) as string[];
    expect(dated).toEqual([...dated].sort());
    const byName = await ask<{ events: { edges: { node: { name: string } }[] } }>(
      '{ events(category: VISIT, orderBy: { field: NAME }, first: 100) { edges { node { name } } } }',
    );
    const names = byName.events.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('rejects a page size above the cap and a cursor that is not one, saying which', async () => {
    const big = await helper.executeGraphQL(COUNTRIES, { first: 101 });
    expect(big.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 100; got 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const bad = await helper.executeGraphQL(COUNTRIES, { first: 1, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.message).toBe('after is not a cursor of this API: "not-a-cursor"');
  });
});
