import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

// A nested query of depth d must cost at most d + 1 Cypher round trips, whatever the result size.
describe('round trips per query', () => {
  // Pages of 100 at every level on purpose: the cost limit is not what this file tests.
  const helper = new TestHelper({ env: { GRAPHQL_MAX_COST: '2000000' } });

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

  it('countries → treaties → parties → events costs at most 5 round trips', async () => {
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
    expect(trips).toBeLessThanOrEqual(5);
  });

  it('citations and their documents on every level stay batched', async () => {
    const { trips } = await roundTrips(`{
      events(first: 100) { edges { node { name
        citations { quote document { title } }
        ... on Event { participants(first: 100) { edges { role citations { quote document { title } }
          node { name citations { quote document { title } } } } } }
      } } }
    }`);
    // events, their citations, participants, participant citations, documents (one batch).
    expect(trips).toBeLessThanOrEqual(5);
  });

  it('an entity with its citations and their documents costs 2 round trips', async () => {
    const { trips, data } = await roundTrips(
      '{ entity(slug: "israel") { name citations { quote document { title } } } }',
    );
    expect(JSON.stringify(data)).toContain('Summary of Russian-Israeli relations');
    expect(trips).toBe(2);
  });

  it('two aliases with different pages of the same list cost one query each, not one per parent', async () => {
    const { trips } = await roundTrips(`{
      countries(first: 100) { edges { node {
        first: treaties(first: 1) { edges { node { name } } }
        rest: treaties(first: 5, after: "T2Zmc2V0Q29ubmVjdGlvbjow") { edges { node { name } } }
      } } }
    }`);
    expect(trips).toBe(3);
  });
});
