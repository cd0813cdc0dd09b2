import neo4j, { type Plan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

// A nested link list reads only the relationships of its types and direction: a country has
// thousands of links at scale, and a type filtered after the expand reads every one of them.

const helper = new TestHelper({ env: { GRAPHQL_MAX_COST: '1000000000' } });

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

/** The statements a GraphQL query sends, with their parameters. */
async function statementsOf(query: string) {
  const sent: { cypher: string; params: Record<string, unknown> }[] = [];
  const stop = helper.db.onQuery((cypher, params) => sent.push({ cypher, params }));
  try {
    await helper.ask(query);
  } finally {
    stop();
  }
  return sent;
}

/** Neo4j's plan for a statement, as `operator details` lines. */
async function planOf(cypher: string, params: Record<string, unknown>): Promise<string[]> {
  const session = helper.db.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const { summary } = await session.run(`EXPLAIN ${cypher}`, params);
    const lines: string[] = [];
    const walk = (plan: Plan) => {
      lines.push(`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`);
      plan.children.forEach(walk);
    };
    if (summary.plan) walk(summary.plan);
    return lines;
  } finally {
    await session.close();
  }
}

describe('nested link lists', () => {
  it('expand by their relationship types and direction, with no filter on the type after', async () => {
    const statements = await statementsOf(`{
      entity(id: "russia") { ... on Country {
        treaties(first: 3) { totalCount nodes { name
          parties(first: 3) { nodes { name } }
        } }
        links(types: [RECOGNIZED], direction: INCOMING, first: 2) {
          totalCount nodes { name }
        }
      } }
    }`);
    expect(statements).toHaveLength(1);
    const [{ cypher, params }] = statements as [(typeof statements)[number]];
    const plan = await planOf(cypher, params);
    const expands = plan.filter((line) => line.startsWith('Expand'));
    expect(expands.length).toBeGreaterThanOrEqual(3);
    // Every expand names what it reads: treaties and their parties, and the type asked for.
    for (const expand of expands) expect(expand).toMatch(/\[\w+:[A-Z_|]+\]/);
    expect(expands.some((line) => line.includes('-[r:PARTY_TO]->'))).toBe(true);
    expect(expands.some((line) => line.includes('<-[r:PARTY_TO]-'))).toBe(true);
    expect(expands.some((line) => line.includes('<-[r:RECOGNIZED]-'))).toBe(true);
    expect(
      plan.filter((line) => /type\(r\)|startNode\(r\)/.test(line) && line.startsWith('Filter')),
    ).toEqual([]);
  });
  it('count a list whose far end may be of any kind from the node’s degree', async () => {
    const statements = await statementsOf(`{
      entity(id: "russia") { links(types: [PARTY_TO], direction: OUTGOING, first: 1) { totalCount } }
    }`);
    const [{ cypher, params }] = statements as [(typeof statements)[number]];
    const plan = await planOf(cypher, params);
    expect(plan.some((line) => /getDegree\(\(n\)-\[:PARTY_TO\]->\(\)\)/.test(line))).toBe(true);
  });
});

describe('graph reads', () => {
  it('rank a neighbourhood by degrees read from each node, walking links by type', async () => {
    const statements = await statementsOf(`{
      neighborhood(id: "russia", depth: 2, limit: 10) { nodes { slug } edges { type } }
    }`);
    const [{ cypher, params }] = statements as [(typeof statements)[number]];
    const plan = await planOf(cypher, params);
    // Before: every relationship of every entity within reach expanded, its far end's label read.
    expect(plan.some((line) => line.includes('getDegree((m)--())'))).toBe(true);
    expect(plan.filter((line) => /^Filter \S+:Entity$/.test(line))).toEqual([]);
    const walk = plan.find((line) => line.startsWith('StatefulShortestPath'));
    expect(walk).toMatch(/inlined predicates:[\s\S]*\b\w+:ABSTAINS_FROM:ATTACKED:/);
  });

  it('find a shortest path along link types, not by the labels of the entities passed', async () => {
    const statements = await statementsOf(`{
      path(from: "benjamin-netanyahu", to: "il-20-incident-2018") { length }
    }`);
    const [{ cypher, params }] = statements as [(typeof statements)[number]];
    const walk = (await planOf(cypher, params)).find((line) =>
      line.startsWith('StatefulShortestPath'),
    );
    expect(walk).toMatch(/inlined predicates:[\s\S]*\b\w+:ABSTAINS_FROM:ATTACKED:/);
  });
});
