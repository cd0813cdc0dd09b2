import { describe, expect, it } from 'vitest';
import { MAX_SCAN } from '../../src/db/entity-row.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';

// What a list is asked decides what is read (src/planner/page-read.ts): `pageInfo` alone never
// costs counting the whole list, and `hasNextPage` is still right.

/** A statement counts a whole list when it collects up to the scan bound or counts the links. */
const counts = (cypher: string, params: Record<string, unknown>) =>
  /LIMIT \$scan\b|COUNT \{/.test(cypher) || Number(params.limit) >= MAX_SCAN;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  endCursor: string | null;
}

describe('paging reads what the selection asks for', () => {
  // Counting the whole timeline takes seconds on a loaded machine.
  const helper = useSeededGraph({ timeoutMs: 30_000 });

  /** The answer, and whether some statement run for it counted a whole list. */
  async function run(query: string, variables: Record<string, unknown> = {}) {
    const seen: boolean[] = [];
    const stop = helper.db.onQuery((cypher, params) => {
      seen.push(counts(cypher, params));
    });
    try {
      const data = await helper.ask(query, variables);
      return { data, counted: seen.some(Boolean), statements: seen.length };
    } finally {
      stop();
    }
  }

  // One list of each kind: a root list, a search, the timeline, and a list nested in a plan.
  const lists = [
    { name: 'countries', query: (fields: string) => `{ list: countries(first: 2) { ${fields} } }` },
    {
      name: 'search',
      query: (fields: string) => `{ list: search(text: "Israel", first: 2) { ${fields} } }`,
    },
    { name: 'timeline', query: (fields: string) => `{ list: timeline(first: 2) { ${fields} } }` },
    {
      name: 'nested links',
      query: (fields: string) =>
        `{ entity(id: "israel") { ... on Country { list: events(first: 2) { ${fields} } } } }`,
    },
  ];
  const listOf = (data: Record<string, any>) => data.list ?? data.entity.list;

  for (const list of lists) {
    it(`${list.name}: pageInfo alone reads one row past the page, never the whole list`, async () => {
      const fields = 'pageInfo { hasNextPage hasPreviousPage endCursor } nodes { slug }';
      const uncounted = await run(list.query(fields));
      expect(uncounted.statements).toBeGreaterThan(0);
      expect(uncounted.counted).toBe(false);

      const counted = await run(list.query(`totalCount ${fields}`));
      expect(counted.counted).toBe(true);
      const total = listOf(counted.data).totalCount as number;
      expect(total).toBeGreaterThan(2);
      // The same page and the same page info, whether the list was counted or not.
      const { totalCount: _, ...withoutTotal } = listOf(counted.data);
      expect(listOf(uncounted.data)).toEqual(withoutTotal);
      expect((listOf(uncounted.data).pageInfo as PageInfo).hasNextPage).toBe(true);
    });
  }

  it('hasNextPage is false on the last page when the list is not counted', async () => {
    const all = await run('{ countries(first: 100) { totalCount } }');
    const total = (all.data as any).countries.totalCount as number;
    const cursor = Buffer.from(`OffsetConnection:${total - 3}`).toString('base64');
    const last = await run(
      'query ($after: String) { countries(first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { slug } } }',
      { after: cursor },
    );
    expect(last.counted).toBe(false);
    expect((last.data as any).countries.nodes).toHaveLength(2);
    expect((last.data as any).countries.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });
});
