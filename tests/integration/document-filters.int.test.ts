import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();
const DOC = 'tass-russian-israeli-relations';

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

interface StatedLink {
  type: string;
  from: { slug: string; kind: string };
  to: { slug: string; kind: string };
}

const LINKS = `
query ($doc: ID!, $after: String, $types: [LinkType!], $involving: ID, $direction: LinkDirection,
       $kinds: [EntityKind!]) {
  document(id: $doc) {
    links(first: 100, after: $after, types: $types, involving: $involving, direction: $direction,
          kinds: $kinds) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { type from { slug kind } to { slug kind } }
    }
  }
}`;

/** Every link of the document the filter keeps, all pages read. */
async function links(filter: Record<string, unknown> = {}): Promise<StatedLink[]> {
  const all: StatedLink[] = [];
  let after: string | null = null;
  do {
    const data: any = await helper.ask(LINKS, { doc: DOC, after, ...filter });
    all.push(...data.document.links.nodes);
    const page = data.document.links.pageInfo;
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return all;
}

const key = (l: StatedLink) => `${l.from.slug} ${l.type} ${l.to.slug}`;

describe("a document's facts, filtered as an entity's own links are", () => {
  it('lists what the document says about one entity, in one page, as the full list has it', async () => {
    const every = await links();
    expect(every.length).toBeGreaterThan(200);
    const about = await links({ involving: 'il-20-incident-2018' });
    const expected = every.filter(
      (l) => l.from.slug === 'il-20-incident-2018' || l.to.slug === 'il-20-incident-2018',
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(about.map(key)).toEqual(expected.map(key));
  });

  it('keeps the types, the direction from that entity and the kinds of the other end asked for', async () => {
    const every = await links();
    const out = await links({ involving: 'russia', direction: 'OUTGOING', kinds: ['COUNTRY'] });
    expect(out.map(key)).toEqual(
      every.filter((l) => l.from.slug === 'russia' && l.to.kind === 'COUNTRY').map(key),
    );
    const typed = await links({ types: ['PARTY_TO', 'CONCERNS'] });
    expect(typed.map(key)).toEqual(
      every.filter((l) => l.type === 'PARTY_TO' || l.type === 'CONCERNS').map(key),
    );
    const incoming = await links({
      involving: 'russia',
      direction: 'INCOMING',
      types: ['CONCERNS'],
    });
    expect(incoming.map(key)).toEqual(
      every.filter((l) => l.to.slug === 'russia' && l.type === 'CONCERNS').map(key),
    );
    expect(incoming.length).toBeGreaterThan(0);
  });

  it('lists the entities it states of some kinds, or linked to one entity', async () => {
    const data = await helper.ask(
      `query ($doc: ID!) { document(id: $doc) {
        people: entities(first: 100, kinds: [PERSON]) { totalCount nodes { slug kind } }
        withIncident: entities(first: 100, involving: "il-20-incident-2018") { nodes { slug } }
      } }`,
      { doc: DOC },
    );
    const people = data.document.people;
    expect(people.totalCount).toBeGreaterThan(3);
    expect(people.nodes.every((n: { kind: string }) => n.kind === 'PERSON')).toBe(true);
    const linked = (await links({ involving: 'il-20-incident-2018' })).map((l) =>
      l.from.slug === 'il-20-incident-2018' ? l.to.slug : l.from.slug,
    );
    expect(data.document.withIncident.nodes.map((n: { slug: string }) => n.slug).sort()).toEqual(
      [...new Set(linked)].sort(),
    );
  });

  it('says what is wrong with a direction given without the entity it is seen from', async () => {
    const result = await helper.executeGraphQL(
      `{ document(id: "${DOC}") { links(first: 5, direction: OUTGOING) { totalCount } } }`,
    );
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['direction: only with involving (the entity it is seen from)', 'BAD_USER_INPUT'],
    ]);
  });
});
