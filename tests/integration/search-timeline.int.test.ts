import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

const SEARCH = `
query Search($text: String!, $kinds: [EntityKind!], $first: Int, $after: String, $last: Int,
             $before: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor score node { slug kind name } }
  }
}`;

const TIMELINE = `
query Timeline($from: PartialDate, $to: PartialDate, $involving: [ID!], $kinds: [EntityKind!],
               $first: Int, $after: String, $last: Int, $before: String) {
  timeline(from: $from, to: $to, involving: $involving, kinds: $kinds, first: $first,
           after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage }
    edges { date { value start end } node { slug kind name } }
  }
}`;

interface SearchEdge {
  cursor: string;
  score: number;
  node: { slug: string; kind: string; name: string };
}
interface Connection<Edge> {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor?: string;
    endCursor?: string;
  };
  edges: Edge[];
}
interface TimelineEdge {
  date: { value: string; start: string; end: string };
  node: { slug: string; kind: string; name: string };
}

async function search(variables: Record<string, unknown>) {
  const result = await helper.executeGraphQL<{ search: Connection<SearchEdge> }>(SEARCH, {
    first: 100,
    ...variables,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.search as Connection<SearchEdge>;
}

async function timeline(variables: Record<string, unknown>) {
  const result = await helper.executeGraphQL<{ timeline: Connection<TimelineEdge> }>(TIMELINE, {
    first: 100,
    ...variables,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.timeline as Connection<TimelineEdge>;
}

const slugs = (connection: Connection<{ node: { slug: string } }>) =>
  connection.edges.map((edge) => edge.node.slug);

describe('search', () => {
  it('finds a person by name, most relevant first, scores descending', async () => {
    const result = await search({ text: 'Netanyahu' });
    expect(result.edges[0]?.node).toEqual({
      slug: 'benjamin-netanyahu',
      kind: 'PERSON',
      name: 'Benjamin Netanyahu',
    });
    expect(result.totalCount).toBe(result.edges.length);
    const scores = result.edges.map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0)).toBe(true);
  });

  it('forgives a misspelling, case and accents: the same answer as the right spelling', async () => {
    const right = slugs(await search({ text: 'Netanyahu' }));
    expect(slugs(await search({ text: 'netanyhu' }))).toEqual(right);
    expect(slugs(await search({ text: 'NÉTANYAHU' }))).toEqual(right);
  });

  it('finds the Soviet Union by its alias USSR', async () => {
    const result = await search({ text: 'ussr' });
    expect(result.edges[0]?.node).toEqual({ slug: 'ussr', kind: 'COUNTRY', name: 'Soviet Union' });
  });

  it('finds a name whatever its punctuation and the boundary between letters and digits', async () => {
    for (const text of ['IL20', 'Il20', 'il 20', 'Il-20']) {
      const top = slugs(await search({ text })).slice(0, 3);
      expect(top, text).toEqual(expect.arrayContaining(['il-20', 'il-20-incident-2018']));
    }
    const resolution = slugs(await search({ text: 'resolution242' }));
    expect(resolution[0]).toBe('un-resolution-242');
  });

  it('finds a proper name by its initials', async () => {
    const result = await search({ text: 'UNSC' });
    expect(result.edges[0]?.node.slug).toBe('un-security-council');
  });

  it('ranks the entity named exactly the text first: "Il-20" is the aircraft type', async () => {
    expect(slugs(await search({ text: 'Il-20' }))[0]).toBe('il-20');
    expect(slugs(await search({ text: 'Il-20 incident' }))[0]).toBe('il-20-incident-2018');
  });

  it('lists every entity of the kinds asked for, by name, when the text is empty', async () => {
    const result = await search({ text: '', kinds: ['COUNTRY'] });
    expect(result.totalCount).toBeGreaterThan(5);
    expect(result.edges.every((edge) => edge.node.kind === 'COUNTRY')).toBe(true);
    const names = result.edges.map((edge) => edge.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('finds Boris Pankov and his visit', async () => {
    const result = await search({ text: 'Pankov' });
    expect(result.totalCount).toBe(2);
    expect(result.edges.map((edge) => edge.node)).toEqual([
      { slug: 'boris-pankov', kind: 'PERSON', name: 'Boris Pankov' },
      {
        slug: 'boris-pankov-visit-1991',
        kind: 'EVENT',
        name: 'Visit of Soviet Foreign Minister Boris Pankov (1991)',
      },
    ]);
  });

  it('keeps only the kinds asked for, in the same relevance order', async () => {
    const all = await search({ text: 'Netanyahu' });
    const events = await search({ text: 'Netanyahu', kinds: ['EVENT'] });
    const expected = all.edges.filter((edge) => edge.node.kind === 'EVENT');
    expect(expected.length).toBeGreaterThan(1);
    expect(slugs(events)).toEqual(expected.map((edge) => edge.node.slug));
    expect(events.totalCount).toBe(expected.length);
    expect(slugs(await search({ text: 'Netanyahu', kinds: ['PERSON', 'COUNTRY'] }))).toEqual([
      'benjamin-netanyahu',
    ]);
  });

  it('reads Lucene syntax as plain words: no error, no injection', async () => {
    const before = await helper.counts();
    const putin = await search({ text: '"Putin" AND (name:*)~' });
    expect(slugs(putin)).toContain('vladimir-putin');
    expect(await search({ text: "') RETURN 1 //" })).toMatchObject({ totalCount: 0, edges: [] });
    expect(await search({ text: '*' })).toMatchObject({ totalCount: 0, edges: [] });
    expect(await search({ text: 'NOT || && title:x^2 [a TO z] {b} \\ /re/' })).toBeDefined();
    expect(await helper.counts()).toEqual(before);
  });

  it('pages forwards with first/after and backwards with last/before', async () => {
    const all = await search({ text: 'Netanyahu' });
    expect(all.totalCount).toBeGreaterThan(4);
    expect(all.edges.length).toBe(all.totalCount);
    const first = await search({ text: 'Netanyahu', first: 2 });
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await search({ text: 'Netanyahu', first: 2, after: first.pageInfo.endCursor });
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect([...slugs(first), ...slugs(next)]).toEqual(slugs(all).slice(0, 4));
    const back = await search({
      text: 'Netanyahu',
      first: null,
      last: 2,
      before: next.pageInfo.endCursor,
    });
    expect(slugs(back)).toEqual(slugs(all).slice(1, 3));
    const end = await search({ text: 'Netanyahu', first: null, last: 1 });
    expect(slugs(end)).toEqual(slugs(all).slice(-1));
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('rejects empty and overlong text with a clear message', async () => {
    for (const [text, message] of [
      ['  ', 'text must contain at least one letter or digit'],
      ['x'.repeat(201), 'text must be at most 200 characters; got 201'],
    ]) {
      const result = await helper.executeGraphQL(SEARCH, { text });
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } }),
      ]);
    }
  });
});

describe('timeline', () => {
  it('lists dated items overlapping the range, in date order, at their dates', async () => {
    expect(await timeline({ from: '1948', to: '1953' })).toEqual({
      totalCount: 4,
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
      edges: [
        {
          date: { value: '1948-05-18', start: '1948-05-18', end: '1948-05-18' },
          node: {
            slug: 'ussr-recognizes-israel-1948',
            kind: 'EVENT',
            name: 'Soviet recognition of Israel',
          },
        },
        {
          date: { value: '~1948-05-22/1948-05-28', start: '1948-05-22', end: '1948-05-28' },
          node: {
            slug: 'ussr-israel-ties-established-1948',
            kind: 'EVENT',
            name: 'Establishment of Soviet-Israeli diplomatic relations',
          },
        },
        {
          date: { value: '1953-02', start: '1953-02-01', end: '1953-02-28' },
          node: {
            slug: 'ussr-severs-ties-with-israel-1953',
            kind: 'EVENT',
            name: 'Soviet Union severs ties with Israel (1953)',
          },
        },
        {
          date: { value: '1953-07', start: '1953-07-01', end: '1953-07-31' },
          node: {
            slug: 'ussr-israel-ties-restored-1953',
            kind: 'EVENT',
            name: 'Restoration of Soviet-Israeli diplomatic ties (1953)',
          },
        },
      ],
    });
  });

  it('includes an item whose date range only overlaps the bounds', async () => {
    // "1953-02" runs to 28 February: it overlaps a range from 1953-02-15.
    const result = await timeline({ from: '1953-02-15', to: '1953-03' });
    expect(slugs(result)).toEqual(['ussr-severs-ties-with-israel-1953']);
  });

  it('lists the visits of an entity in date order', async () => {
    const result = await timeline({ involving: ['benjamin-netanyahu'] });
    expect(result.edges.map((edge) => [edge.date.value, edge.node.slug])).toEqual([
      ['2010', 'netanyahu-visit-to-moscow-2010'],
      ['2019-02', 'netanyahu-visit-to-moscow-2019-02'],
      ['2020', 'candle-of-memory-monument-opening-2020'],
    ]);
    expect(result.totalCount).toBe(3);
  });

  it('keeps only items involving every entity given', async () => {
    const one = slugs(await timeline({ involving: ['benjamin-netanyahu'] }));
    const both = slugs(await timeline({ involving: ['benjamin-netanyahu', 'moscow'] }));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(one.length);
    expect(one).toEqual(expect.arrayContaining(both));
  });

  it('places treaties at their signing, ties by name', async () => {
    const result = await timeline({ kinds: ['TREATY'], from: '1994', to: '1994' });
    expect(result.edges.map((edge) => [edge.date.value, edge.node.slug])).toEqual([
      ['1994', 'russia-israel-dual-taxation-agreement'],
      ['1994', 'russia-israel-science-and-technology-agreement'],
      ['1994', 'russia-israel-trade-and-economic-cooperation-agreement'],
    ]);
  });

  it('places other kinds at their own date, and leaves undated kinds out', async () => {
    const result = await timeline({ kinds: ['STATUS_PERIOD', 'COUNTRY'], to: '1953' });
    expect(result.edges.map((edge) => [edge.date.value, edge.node.slug])).toEqual([
      ['~1948-05-22/1948-05-28', 'ussr-israel-full-relations-1948'],
      ['1953-02', 'ussr-israel-ties-severed-1953'],
      ['1953-07', 'ussr-israel-full-relations-1953'],
    ]);
    expect(await timeline({ kinds: ['COUNTRY'] })).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('sorts the whole timeline by first day, then last day, then name', async () => {
    const result = await timeline({});
    const kinds = new Set(result.edges.map((edge) => edge.node.kind));
    expect([...kinds].sort()).toEqual(['EVENT', 'INCIDENT', 'TREATY', 'UN_RESOLUTION']);
    const keys = result.edges.map((e) => [e.date.start, e.date.end, e.node.name] as const);
    const sorted = [...keys].sort(
      (a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || (a[2] < b[2] ? -1 : 1),
    );
    expect(keys).toEqual(sorted);
  });

  it('pages with first/after and last/before', async () => {
    const all = await timeline({});
    const last = await timeline({ first: null, last: 2 });
    expect(last.totalCount).toBe(all.totalCount);
    expect(slugs(last)).toEqual(slugs(all).slice(-2));
    const first = await timeline({ first: 3 });
    expect(slugs(first)).toEqual(slugs(all).slice(0, 3));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('reads pages without a totalCount from the date indexes, with the same items and hasNextPage', async () => {
    const kinds = [
      'EVENT',
      'INCIDENT',
      'TREATY',
      'UN_RESOLUTION',
      'CONFLICT',
      'STATUS_PERIOD',
      'FIGURE',
    ];
    // From mid-1994: items dated "1994" (to 31 December) still overlap it.
    const from = '1994-06-15';
    const counted = await timeline({ from, kinds, first: 100 });
    expect(counted.totalCount).toBeGreaterThan(6);
    expect(counted.edges.some((e) => e.date.start < from)).toBe(true);
    const uncounted = `query ($from: PartialDate, $kinds: [EntityKind!], $after: String) {
      timeline(from: $from, kinds: $kinds, first: 3, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { slug } }
      }
    }`;
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const data = (await helper.ask(uncounted, { from, kinds, after })) as any;
      walked.push(...data.timeline.edges.map((e: any) => e.node.slug));
      if (!data.timeline.pageInfo.hasNextPage) break;
      after = data.timeline.pageInfo.endCursor;
    }
    expect(walked).toEqual(slugs(counted));
  });

  it('names an unknown slug of involving', async () => {
    const result = await helper.executeGraphQL(TIMELINE, {
      involving: ['benjamin-netanyahu', 'no-such-entity'],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'involving: no entity has the id "no-such-entity"',
        extensions: { code: 'NOT_FOUND' },
      }),
    ]);
  });

  it('rejects a range that ends before it starts', async () => {
    const result = await helper.executeGraphQL(TIMELINE, { from: '1990', to: '1989-12' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'from (1990) is after to (1989-12)',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });
});
