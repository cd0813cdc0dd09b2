import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();

// 130 places of equal names' length and no other text score alike for "quokka": ties at any
// page boundary, more of them than a first read of the index keeps (100). Created in reverse name
// order, so the index's own tie order (insertion) is not the API's (name).
const TIED = Array.from({ length: 130 }, (_, i) => `Quokka ${999 - i}`);
// And one named exactly the text: it comes first, though the query that finds it (every name
// holding the phrase) has as many hits as the ties.
const NAMED = 'Quokka';

beforeAll(async () => {
  await helper.seed();
  await helper.executeCypher(
    `UNWIND $names AS name
     CREATE (:Entity:Place {id: 'tied-' + toLower(replace(name, ' ', '-')), kind: 'Place',
             name: name, aliases: [], aliasText: '', description: '', sortDate: '9999-12-31'})`,
    { names: [...TIED, NAMED] },
  );
  // The full-text index is eventually consistent: wait until it sees every place.
  for (let tries = 0; tries < 50; tries += 1) {
    const [row] = await helper.executeCypher<{ hits: number }>(
      "CALL db.index.fulltext.queryNodes('entity_search', 'quokka') YIELD node RETURN count(*) AS hits",
    );
    if (Number(row?.hits) === TIED.length + 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await helper.close();
});

const page = (withTotal: boolean) => `
query ($text: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after) {
    ${withTotal ? 'totalCount' : ''}
    edges { cursor score node { slug name } }
  }
}`;

const cursorAt = (offset: number) => Buffer.from(`OffsetConnection:${offset}`).toString('base64');

describe('search pages without a total', () => {
  it('read only the top hits, and answer as the counted search does, ties at the boundary included', async () => {
    const cases = [
      { text: 'quokka', kinds: null },
      { text: 'quokka', kinds: ['PLACE'] },
      { text: 'Russia', kinds: null },
      { text: 'Israel', kinds: ['EVENT', 'PERSON'] },
      { text: 'treaty', kinds: null },
    ];
    let boundaryTies = 0;
    for (const { text, kinds } of cases) {
      const all = (await helper.ask(page(true), { text, kinds, first: 100 })) as any;
      const scores = all.search.edges.map((edge: any) => edge.score);
      for (const first of [1, 3, 5]) {
        for (const start of [0, 2, 7]) {
          const after = start === 0 ? null : cursorAt(start - 1);
          const counted = (await helper.ask(page(true), { text, kinds, first, after })) as any;
          const top = (await helper.ask(page(false), { text, kinds, first, after })) as any;
          expect(top.search.edges, `${text} ${first} after ${start}`).toEqual(counted.search.edges);
          const end = start + first;
          if (end < scores.length && scores[end] === scores[end - 1]) boundaryTies += 1;
        }
      }
    }
    // The comparison covers pages that end inside a run of equal scores.
    expect(boundaryTies).toBeGreaterThan(3);
    const first = (await helper.ask(page(false), { text: 'quokka', first: 1 })) as any;
    expect(first.search.edges[0].node.name).toBe(NAMED);
  });

  it('sends the index its limit only when no total is asked', async () => {
    const sent: string[] = [];
    const stop = helper.db.onQuery((cypher) => sent.push(cypher));
    try {
      await helper.ask(page(false), { text: 'quokka', first: 3 });
      await helper.ask(page(true), { text: 'quokka', first: 3 });
    } finally {
      stop();
    }
    // 131 hits, 130 of them tied, and as many for the exact name's query: more than the 100 read
    // first, so the index is read again with a larger limit.
    expect(sent).toHaveLength(3);
    expect(sent[0]).toContain('{limit: $limit}');
    expect(sent[1]).toContain('{limit: $limit}');
    expect(sent.at(-1)).not.toContain('{limit: $limit}');
  });
});
