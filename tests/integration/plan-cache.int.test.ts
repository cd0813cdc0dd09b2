import { describe, expect, it } from 'vitest';
import { cachedPlanCount } from '../../src/planner/plan-cache.ts';
import { useSeededGraph } from '../helpers/test-helper.ts';

// A plan is kept per document selection and the variables that shape it: the values a client
// changes between requests of one operation (which entity, which page, which words) reuse it.
describe('plan cache', () => {
  const helper = useSeededGraph();

  /** Runs `ask` and returns its answer with how many plans it added to the cache. */
  async function planned<T>(ask: () => Promise<T>): Promise<{ answer: T; added: number }> {
    const before = cachedPlanCount();
    const answer = await ask();
    return { answer, added: cachedPlanCount() - before };
  }

  const ENTITY = `query ($slug: ID!) { entity(id: $slug) { slug name
    ... on Country { treaties(first: 3) { totalCount nodes { slug name } } } } }`;

  it('plans an entity lookup once for any number of slugs, each answered as a fresh plan would', async () => {
    const { countries } = await helper.ask('{ countries(first: 12) { nodes { slug } } }');
    const slugs: string[] = countries.nodes.map((node: { slug: string }) => node.slug);
    expect(slugs.length).toBeGreaterThan(5);
    const first = await planned(() => helper.ask(ENTITY, { slug: slugs[0] }));
    expect(first.added).toBe(1);
    for (const slug of slugs) {
      const { answer, added } = await planned(() => helper.ask(ENTITY, { slug }));
      expect(added).toBe(0);
      expect(answer.entity.slug).toBe(slug);
      // The slug written into the document: another document, so a plan of its own.
      const inline = await helper.ask(
        ENTITY.replace('query ($slug: ID!) ', '').replace('$slug', JSON.stringify(slug)),
      );
      expect(answer).toEqual(inline);
    }
  });

  it('plans again for each page size of a nested list, and reads that many items', async () => {
    const query = `query ($slug: ID!, $n: Int) { entity(id: $slug) {
      ... on Country { treaties(first: $n) { totalCount nodes { slug } } } } }`;
    const sizes = [1, 2, 3, 1, 2, 3];
    const added: number[] = [];
    for (const n of sizes) {
      const { answer, added: plans } = await planned(() =>
        helper.ask(query, { slug: 'russia', n }),
      );
      added.push(plans);
      const { totalCount, nodes } = answer.entity.treaties;
      expect(totalCount).toBeGreaterThan(3);
      expect(nodes).toHaveLength(n);
    }
    expect(added).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('plans again for another link type filter or @include below the field', async () => {
    const query = `query ($slug: ID!, $types: [LinkType!], $withName: Boolean!) {
      entity(id: $slug) { links(types: $types, first: 5) { nodes { slug name @include(if: $withName) } } } }`;
    const ask = (types: string[], withName: boolean, slug = 'russia') =>
      planned(() => helper.ask(query, { slug, types, withName }));
    expect((await ask(['PARTY_TO'], true)).added).toBe(1);
    expect((await ask(['PARTY_TO'], true, 'israel')).added).toBe(0);
    expect((await ask(['MEMBER_OF'], true)).added).toBe(1);
    const lean = await ask(['MEMBER_OF'], false);
    expect(lean.added).toBe(1);
    expect(lean.answer.entity.links.nodes[0]).not.toHaveProperty('name');
  });

  it('plans a list once for every page and cursor of the list itself', async () => {
    const query = `query ($n: Int, $after: String) { countries(first: $n, after: $after) {
      pageInfo { endCursor } nodes { slug treaties(first: 2) { nodes { slug } } } } }`;
    const start = await planned(() => helper.ask(query, { n: 3 }));
    expect(start.added).toBe(1);
    const next = await planned(() =>
      helper.ask(query, { n: 4, after: start.answer.countries.pageInfo.endCursor }),
    );
    expect(next.added).toBe(0);
    const whole = await helper.ask('{ countries(first: 7) { nodes { slug } } }');
    const slugs = (data: any) => data.countries.nodes.map((node: { slug: string }) => node.slug);
    expect([...slugs(start.answer), ...slugs(next.answer)]).toEqual(slugs(whole));
  });

  it('plans a search once for any text', async () => {
    const query = `query ($text: String!) { search(text: $text, first: 5) { nodes { slug name } } }`;
    const texts = ['Russia', 'Israel', 'Netanyahu', 'Pankov'];
    const added: number[] = [];
    for (const text of texts) {
      const result = await planned(() => helper.ask(query, { text }));
      added.push(result.added);
      expect(result.answer.search.nodes.length).toBeGreaterThan(0);
    }
    expect(added).toEqual([1, 0, 0, 0]);
  });
});
