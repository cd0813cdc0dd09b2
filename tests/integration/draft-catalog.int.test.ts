import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFromGraph } from '../../src/db/draft-catalog.ts';
import { reading } from '../../src/db/graph-check.ts';
import { findMentions } from '../../src/knowledge/proposals/mentions.ts';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();

beforeAll(async () => {
  await helper.seed();
  // A person the seed does not hold, and Moscow's description naming its country.
  await helper.executeCypher(
    `CREATE (:Entity:Person {id: 'sergey-lavrov', kind: 'Person', name: 'Sergey Lavrov',
       aliases: [], aliasText: '', description: 'Foreign Minister of Russia.',
       sortDate: '9999-12-31'})
     WITH 1 AS one
     MATCH (m:Entity {id: 'moscow'}) SET m.description = 'Moscow, capital of Russia.'`,
  );
  // The full-text index is eventually consistent: wait until it sees the new person.
  for (let tries = 0; tries < 50; tries += 1) {
    const [row] = await helper.executeCypher<{ hits: number }>(
      "CALL db.index.fulltext.queryNodes('entity_search', 'lavrov') YIELD node RETURN count(*) AS hits",
    );
    if (Number(row?.hits) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await helper.close();
});

describe('drafting against the graph', () => {
  it('finds close spellings through the full-text index, and flags a capital acting as its government', async () => {
    const text = 'Sergei Lavrov met Israeli officials. Moscow said the talks went well.';
    const catalog = await catalogFromGraph(reading(helper.db), text);
    const ids = catalog.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['sergey-lavrov', 'moscow', 'russia', 'israel']));
    const found = findMentions(text, catalog).map((m) => ({
      quote: m.quote,
      ids: m.candidates.map((c) => c.id),
      flagged: m.flag !== undefined,
    }));
    expect(found).toEqual([
      { quote: 'Sergei Lavrov', ids: ['sergey-lavrov'], flagged: true },
      { quote: 'Moscow', ids: ['moscow', 'russia'], flagged: true },
    ]);
  });
});
