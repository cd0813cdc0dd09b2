import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SCAN } from '../../src/db/entity-row.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';
import { waitFor } from '../helpers/wait-for.ts';

// A search counts its matches up to a bound; past it, totalCount is a lower bound and the client
// is told so (search engines' "more than N results").
describe('a counted search past the count bound', () => {
  const helper = useSeededGraph({ timeoutMs: 60_000 });
  const WORD = 'zyxboundword';

  afterAll(async () => {
    await helper.executeCypher('MATCH (n:BoundTest) DETACH DELETE n');
  });

  const count = (text: string) =>
    helper.ask<{ search: { totalCount: number; totalCountIsExact: boolean } }>(
      'query ($text: String!) { search(text: $text, first: 1) { totalCount totalCountIsExact } }',
      { text },
    );

  it('says the count is exact below the bound, and a lower bound past it', async () => {
    expect((await count('Israel')).search.totalCountIsExact).toBe(true);
    await helper.executeCypher(
      `UNWIND range(1, $n) AS i
       CREATE (:Entity:Place:BoundTest {id: 'bound-test-' + i, kind: 'Place',
                                        name: $word + ' place ' + i})`,
      { n: MAX_SCAN + 5, word: WORD },
    );
    // The full-text index follows writes shortly after they commit.
    await waitFor(
      'the index sees the new places',
      async () => (await count(WORD)).search.totalCount >= MAX_SCAN,
      60_000,
      500,
    );
    expect((await count(WORD)).search).toEqual({ totalCount: MAX_SCAN, totalCountIsExact: false });
  });
});
