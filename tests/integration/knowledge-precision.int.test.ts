import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/schema-setup.ts';
import { importFile } from '../../src/db/seed.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// The seed data through the API: why things happened, who visited whom, how status periods pass
// from a state to its successor, the identifiers and names others use, and who a claim is
// attributed to.

const helper = new TestHelper({ timeoutMs: 60_000 });

beforeAll(() => helper.seed(), 180_000);
afterAll(() => helper.close());

type Edge = { role: string | null; node: { slug: string } };
type Links = { edges: Edge[] };
const slugs = (links: Links) => links.edges.map((e) => e.node.slug);

describe('why and in what order', () => {
  it('says ties were severed in 1967 after the Six-Day War, giving solidarity as the reason, not the war', async () => {
    const data = await helper.ask<{ entity: any; ussr: any }>(`{
      entity(id: "ussr-severs-ties-with-israel-1967") {
        ... on Event {
          causes { edges { node { slug } } }
          links(types: [FOLLOWED], direction: OUTGOING) { edges { node { slug } citations { quote } } }
        }
      }
      ussr: entity(id: "ussr") {
        links(types: [SUPPORTS], direction: OUTGOING) { edges { role node { slug } } }
      }
    }`);
    expect(slugs(data.entity.causes)).toEqual([]);
    expect(slugs(data.entity.links)).toEqual(['six-day-war']);
    expect(data.entity.links.edges[0].citations[0].quote).toContain(
      'after the start of the Six-Day War',
    );
    expect(data.ussr.links.edges).toContainEqual({
      role: 'solidarity',
      node: { slug: 'arab-countries' },
    });
  });

  it('says the talks were cancelled after the Il-20 incident, not because of it', async () => {
    const data = await helper.ask<{ entity: { causes: Links; followedBy: Links } }>(`{
      entity(id: "il-20-incident-2018") {
        ... on Incident {
          causes { edges { role node { slug } } }
          consequences { edges { role node { slug } } }
          followedBy { edges { role node { slug } } }
        }
      }
    }`);
    expect(slugs((data.entity as any).consequences)).toEqual([]);
    expect(slugs(data.entity.followedBy)).toEqual(
      expect.arrayContaining([
        'putin-netanyahu-talks-cancelled',
        'russia-decides-to-deliver-s-300-to-syria',
        'russia-israel-relations-soured-2018',
      ]),
    );
  });
});

describe('bilateralRelation', () => {
  const RELATION = `query($a: ID!, $b: ID!) {
    bilateralRelation(a: $a, b: $b) {
      visits(first: 100) { totalCount edges { node { slug occurrence date { start end } } } }
      history { slug status validFrom { start } validTo { start }
        countries { edges { node { slug } } } }
      status(asOf: "2020-01-01") { slug countries { edges { node { slug } } } }
    }
  }`;

  it('lists at least five visits, found through office holders, events during them and filing', async () => {
    const { bilateralRelation: r } = await helper.ask<{ bilateralRelation: any }>(RELATION, {
      a: 'russia',
      b: 'israel',
    });
    const visits: string[] = r.visits.edges.map((e: any) => e.node.slug);
    expect(r.visits.totalCount).toBe(visits.length);
    expect(visits).toEqual(
      expect.arrayContaining([
        'boris-pankov-visit-1991', // Pankov held a Soviet office; Israel took part in the restoration during it
        'putin-visit-to-holy-land-2005', // filed under Israel-Russia
        'netanyahu-visit-to-moscow-2010',
        'netanyahu-visit-to-moscow-2019-02',
        'putin-visit-to-israel-january-23',
      ]),
    );
    expect(visits.length).toBeGreaterThanOrEqual(5);
    const planned = r.visits.edges.find(
      (e: any) => e.node.slug === 'putin-visit-to-israel-january-23',
    );
    expect(planned.node.occurrence).toBe('PLANNED');
    const pankov = r.visits.edges.find((e: any) => e.node.slug === 'boris-pankov-visit-1991');
    expect(pankov.node.date).toEqual({ start: '1991-10-18', end: '1991-10-18' });
  });

  it('puts each status period between two countries, the USSR’s ending where Russia’s begins', async () => {
    const { bilateralRelation: r } = await helper.ask<{ bilateralRelation: any }>(RELATION, {
      a: 'russia',
      b: 'israel',
    });
    const periods = r.history.map((p: any) => [
      p.status,
      p.validFrom.start,
      p.validTo?.start ?? null,
      p.countries.edges.map((e: any) => e.node.slug).sort(),
    ]);
    expect(periods).toEqual([
      ['FULL', '1948-05-22', '1953-02-01', ['israel', 'ussr']],
      ['SEVERED', '1953-02-01', '1953-07-01', ['israel', 'ussr']],
      ['FULL', '1953-07-01', '1967-06-01', ['israel', 'ussr']],
      ['SEVERED', '1967-06-01', '1987-01-01', ['israel', 'ussr']],
      ['CONSULAR', '1987-01-01', '1991-10-18', ['israel', 'ussr']],
      ['FULL', '1991-10-18', '1991-12-01', ['israel', 'ussr']],
      ['FULL', '1991-12-01', null, ['israel', 'russia']],
    ]);
    expect(r.status.slug).toBe('russia-israel-full-relations-1991');
  });
});

describe('names and identifiers', () => {
  it('gives countries their ISO 3166 codes, the USSR its former ones', async () => {
    const data = await helper.ask<Record<string, any>>(`{
      russia: entity(id: "russia") { ...Iso }
      ussr: entity(id: "ussr") { ...Iso }
      israel: entity(id: "israel") { ...Iso }
    }
    fragment Iso on Country { isoAlpha2 isoAlpha3 isoNumeric isoAlpha4 isoFormer }`);
    expect(data).toEqual({
      russia: {
        isoAlpha2: 'RU',
        isoAlpha3: 'RUS',
        isoNumeric: '643',
        isoAlpha4: null,
        isoFormer: false,
      },
      ussr: {
        isoAlpha2: 'SU',
        isoAlpha3: 'SUN',
        isoNumeric: '810',
        isoAlpha4: 'SUHH',
        isoFormer: true,
      },
      israel: {
        isoAlpha2: 'IL',
        isoAlpha3: 'ISR',
        isoNumeric: '376',
        isoAlpha4: null,
        isoFormer: false,
      },
    });
  });

  const SEARCH = `query($text: String!) {
    search(text: $text, first: 10) { edges { node { slug curatorAliases } } }
  }`;

  it('finds Boris Pankov by the curator-added alias Pankin, marked as added', async () => {
    const data = await helper.ask<{ search: { edges: any[] } }>(SEARCH, { text: 'Pankin' });
    expect(data.search.edges.map((e) => e.node)).toEqual([
      { slug: 'boris-pankov', curatorAliases: ['Boris Pankin', 'Pankin'] },
    ]);
  });

  it('searches the curators’ notes', async () => {
    // "misspelling" is in Pankov's note only, nowhere in a name, alias or description.
    const data = await helper.ask<{ search: { edges: any[] } }>(SEARCH, { text: 'misspelling' });
    expect(data.search.edges.map((e) => e.node.slug)).toContain('boris-pankov');
  });
});

describe('what the documents state, and who says it', () => {
  it('keeps the downed aircraft, the missile and the jets apart from their types', async () => {
    const data = await helper.ask<Record<string, any>>(`{
      jets: entity(id: "israeli-f-16-jets-latakia-2018") {
        ... on Equipment { quantity quantityAsWritten ofType { edges { node { slug } } } }
        accordingTo { slug }
      }
      type: entity(id: "il-20") {
        ... on Equipment { items { edges { node { slug } } } }
      }
      downed: entity(id: "russian-il-20-downed-2018") {
        links(types: [DOWNED_BY]) { edges { accordingToSlug node { slug } } }
      }
    }`);
    expect(data.jets).toEqual({
      quantity: 4,
      quantityAsWritten: 'four',
      ofType: { edges: [{ node: { slug: 'f-16' } }] },
      accordingTo: { slug: 'russian-top-brass-statement-on-il-20' },
    });
    expect(slugs(data.type.items)).toEqual(['russian-il-20-downed-2018']);
    expect(
      data.downed.links.edges.map((e: any) => [e.node.slug, e.accordingToSlug]).sort(),
    ).toEqual([
      ['syria', null],
      ['syrian-s-200-missile-2018', 'russian-top-brass-statement-on-il-20'],
    ]);
  });

  it('dates the nine-month trade figure January to September 2019 and names its source', async () => {
    const data = await helper.ask<Record<string, any>>(`{
      entity(id: "russia-israel-trade-change-2019") {
        ... on Figure {
          value period { precision start end }
          sources { edges { role node { slug } } }
        }
        citations { quote }
      }
    }`);
    expect(data.entity.period).toEqual({
      precision: 'RANGE',
      start: '2019-01-01',
      end: '2019-09-30',
    });
    expect(data.entity.sources.edges).toEqual([
      { role: 'according to', node: { slug: 'federal-customs-service' } },
    ]);
    // The quote of the number, and its context saying what is measured and when.
    expect(data.entity.citations.map((c: { quote: string }) => c.quote)).toEqual([
      'down 17.63% year-on-year',
      'the Russian-Israeli trade in 2019 stood at $1.73 billion on the first nine months of 2019',
    ]);
  });

  it('tells proposed from established, and a proposed outcome from what happened', async () => {
    const data = await helper.ask<Record<string, any>>(`{
      roadmap: entity(id: "middle-east-roadmap-2003") {
        ... on Treaty { proposed { value } proposedBy { edges { node { slug } } } }
        links(types: [ESTABLISHED]) { totalCount }
      }
      initiative: entity(id: "arab-peace-initiative-2002") { ... on Treaty { proposed { value } } }
      state: entity(id: "creation-of-independent-palestinian-state") { ... on Event { occurrence } }
      government: entity(id: "palestinian-national-unity-government") {
        links(types: [ESTABLISHED]) { totalCount }
      }
    }`);
    expect(data).toEqual({
      roadmap: {
        proposed: { value: '2003' },
        proposedBy: { edges: [{ node: { slug: 'middle-east-quartet' } }] },
        links: { totalCount: 0 },
      },
      initiative: { proposed: { value: '2002' } },
      state: { occurrence: 'PROPOSED' },
      government: { links: { totalCount: 0 } },
    });
  });

  it('records facts the text states that were only in free text', async () => {
    const data = await helper.ask<Record<string, any>>(`{
      konashenkov: entity(id: "igor-konashenkov") { ... on Person { rank } }
      israel: entity(id: "israel") {
        links(types: [ABSTAINS_FROM], direction: OUTGOING) { edges { role node { slug } } }
      }
      islamicState: entity(id: "islamic-state") {
        links(types: [OUTLAWED]) { edges { node { slug } } }
      }
      golan: entity(id: "golan-heights-share-seized-1967") {
        ... on Figure { value valueAsWritten }
      }
      hezbollah: entity(id: "hezbollah") {
        links(types: [TIES_WITH, SUPPORTS], direction: OUTGOING) { edges { type node { slug } } }
      }
    }`);
    expect(data.konashenkov.rank).toBe('Major General');
    expect(data.israel.links.edges.map((e: Edge) => [e.role, e.node.slug]).sort()).toEqual([
      ['does not support any party', 'syrian-civil-conflict'],
      ['not taking part', 'syrian-reconciliation-talks'],
    ]);
    expect(slugs(data.islamicState.links)).toEqual(['russia']);
    expect(data.golan).toEqual({ value: 0.6667, valueAsWritten: 'two thirds' });
    expect(data.hezbollah.links.edges.map((e: any) => [e.type, e.node.slug]).sort()).toEqual([
      ['SUPPORTS', 'bashar-assad'],
      ['TIES_WITH', 'iran'],
    ]);
  });
});

// These change the graph, so they come last.
describe('a new document', () => {
  it('makes a visit bilateral through the visitor’s office and a place located in the host', async () => {
    await importFile(helper.db, 'tests/fixtures/visit.yaml');
    const data = await helper.ask<{ bilateralRelation: any }>(`{
      bilateralRelation(a: "ruritania", b: "freedonia") {
        visits { totalCount edges { node { slug } } }
        events { totalCount }
      }
    }`);
    // Neither country takes part itself: King Rudolf holds a Freedonian office, and the visit is
    // in Strelsau, located in Ruritania.
    expect(data.bilateralRelation.visits).toEqual({
      totalCount: 1,
      edges: [{ node: { slug: 'rudolf-visit-1952' } }],
    });
    // The visit is one of the events the two share, as visits are.
    expect(data.bilateralRelation.events.totalCount).toBe(1);
  });
});

describe('an older graph', () => {
  it('rebuilds the full-text index over curators’ notes and search keys when it was made without them', async () => {
    await helper.executeCypher('DROP INDEX entity_search IF EXISTS');
    await helper.executeCypher('MATCH (n:Entity) REMOVE n.searchKeys');
    await helper.executeCypher(
      `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
       FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description]`,
    );
    await applySchema(helper.db);
    const [index] = await helper.db.read<{ properties: string[] }>(
      "SHOW INDEXES YIELD name, properties WHERE name = 'entity_search' RETURN properties",
    );
    expect(index?.properties).toEqual([
      'name',
      'aliasText',
      'description',
      'noteText',
      'searchKeys',
    ]);
    // Entities stored before search keys get theirs.
    const [missing] = await helper.executeCypher<{ n: number }>(
      'MATCH (n:Entity) WHERE n.searchKeys IS NULL RETURN count(n) AS n',
    );
    expect(Number(missing?.n)).toBe(0);
    const data = await helper.ask<{ search: { edges: any[] } }>(
      '{ search(text: "misspelling", first: 5) { edges { node { slug } } } }',
    );
    expect(data.search.edges.map((e) => e.node.slug)).toContain('boris-pankov');
  });
});
