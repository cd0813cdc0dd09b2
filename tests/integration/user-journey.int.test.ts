import { describe, expect, it } from 'vitest';
import { useSeededGraph } from '../helpers/test-helper.ts';

// The walk a new user takes from GraphiQL, end to end through HTTP.
describe('a new user exploring the graph', () => {
  const helper = useSeededGraph();

  const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
    helper.ask<T>(query, variables);

  it('finds Netanyahu, opens his events, and walks to the countries and agreements involved', async () => {
    const found = await ask<{ search: { edges: { node: { id: string; slug: string } }[] } }>(
      '{ search(text: "Netanyahu", first: 1) { edges { node { id slug } } } }',
    );
    const person = found.search.edges[0]?.node;
    expect(person?.slug).toBe('benjamin-netanyahu');

    type Walk = {
      node: {
        name: string;
        events: {
          edges: {
            node: {
              slug: string;
              participants?: {
                edges: {
                  node: { slug: string; kind: string; treaties?: { totalCount: number } };
                }[];
              };
            };
          }[];
        };
      };
    };
    const walk = await ask<Walk>(
      `query ($id: ID!) {
        node(id: $id) {
          ... on Person {
            name
            events(first: 20) { edges { node { slug
              ... on Event { participants(first: 20) { edges { node { slug kind
                ... on Country { treaties(first: 20) { totalCount } }
              } } } }
            } } }
          }
        }
      }`,
      { id: person?.id },
    );
    expect(walk.node.name).toBe('Benjamin Netanyahu');
    const events = walk.node.events.edges.map((e) => e.node.slug);
    expect(events).toContain('netanyahu-visit-to-moscow-2010');
    expect(events).toContain('netanyahu-visit-to-moscow-2019-02');
    const countries = walk.node.events.edges.flatMap((e) =>
      (e.node.participants?.edges ?? [])
        .filter((p) => p.node.kind === 'COUNTRY')
        .map((p) => p.node),
    );
    const israel = countries.find((c) => c.slug === 'israel');
    expect(israel?.treaties?.totalCount).toBeGreaterThanOrEqual(10);
  });

  it('asks the Russia–Israel status on any date, with the period’s citation', async () => {
    const answer = await ask<{
      bilateralRelation: {
        status: { status: string; citations: { quote: string; document: { text: string } }[] };
      };
    }>(`{ bilateralRelation(a: "russia", b: "israel") {
      status(asOf: "1990-01-01") { status citations { quote document { text } } } } }`);
    expect(answer.bilateralRelation.status.status).toBe('CONSULAR');
    const [citation] = answer.bilateralRelation.status.citations;
    expect(citation?.quote.length).toBeGreaterThan(0);
    expect(citation?.document.text).toContain(citation?.quote);
  });

  it('draws the neighbourhood of the Il-20 incident: nodes, and edges only between them', async () => {
    const answer = await ask<{
      neighborhood: {
        center: { slug: string };
        nodes: { slug: string }[];
        edges: { source: string; target: string; type: string }[];
      };
    }>(`{ neighborhood(id: "il-20-incident-2018", depth: 2, limit: 200) {
      center { slug } nodes { slug } edges { source target type } } }`);
    const slugs = new Set(answer.neighborhood.nodes.map((n) => n.slug));
    expect(answer.neighborhood.center.slug).toBe('il-20-incident-2018');
    for (const expected of ['il-20', 'syria', 'israel', 'russia'])
      expect(slugs).toContain(expected);
    expect(answer.neighborhood.edges.length).toBeGreaterThan(0);
    for (const edge of answer.neighborhood.edges) {
      expect(slugs.has(edge.source) && slugs.has(edge.target)).toBe(true);
    }
  });
});
