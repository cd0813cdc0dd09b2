import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/db/seed.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// Who said what, events coded with CAMEO, and a relation's cooperation–conflict series: the seed
// data and a news item of May 2022 (tests/fixtures/remarks-2022.*) through the API.

const helper = new TestHelper({ timeoutMs: 60_000 });

beforeAll(async () => {
  await helper.seed();
  await importFile(helper.db, 'tests/fixtures/remarks-2022.yaml');
}, 180_000);
afterAll(() => helper.close());

const CLAIM = `claim { attributed accordingTo { slug } quoting { slug } reportedIn { id } }`;

describe('who said what', () => {
  it('returns an apology only one side reports as its claim, with the account that omits it', async () => {
    const data = await helper.ask<{ entity: any }>(`{
      entity(id: "putin-apology-2022") {
        slug
        ${CLAIM}
        omittedBy { edges { role node { slug } citations { quote } } }
        deniedBy { edges { node { slug } } }
        ... on Event {
          category
          cameo { code name root rootName quadClass goldstein }
          participants { edges { role node { slug } claim { attributed accordingTo { slug } } } }
        }
      }
    }`);
    expect(data.entity).toEqual({
      slug: 'putin-apology-2022',
      claim: {
        attributed: true,
        accordingTo: { slug: 'israeli-pm-office-statement-2022' },
        quoting: null,
        reportedIn: [{ id: expect.any(String) }],
      },
      omittedBy: {
        edges: [
          {
            role: 'did not mention an apology',
            node: { slug: 'kremlin-account-of-call-2022' },
            citations: [{ quote: "The Kremlin's account of the call did not mention an apology" }],
          },
        ],
      },
      deniedBy: { edges: [] },
      category: 'APOLOGY',
      cameo: {
        code: '055',
        name: 'Apologize',
        root: '05',
        rootName: 'ENGAGE IN DIPLOMATIC COOPERATION',
        quadClass: 'VERBAL_COOPERATION',
        goldstein: 7,
      },
      participants: {
        edges: expect.arrayContaining([
          {
            role: 'apologizing',
            node: { slug: 'vladimir-putin' },
            claim: { attributed: true, accordingTo: { slug: 'israeli-pm-office-statement-2022' } },
          },
        ]),
      },
    });
  });

  it('says a fact the document states itself is no one’s claim, and names its documents', async () => {
    const data = await helper.ask<{ entity: any }>(`{
      entity(id: "israel-summons-russian-ambassador-2022") {
        ${CLAIM}
        ... on Event { cameo { code name quadClass goldstein } }
      }
    }`);
    expect(data.entity.claim).toMatchObject({ attributed: false, accordingTo: null });
    expect(data.entity.claim.reportedIn).toHaveLength(1);
    expect(data.entity.cameo).toEqual({
      code: '114',
      name: 'Complain officially',
      quadClass: 'VERBAL_CONFLICT',
      goldstein: -2,
    });
  });

  it('returns the Russian account of the Il-20 downing as the top brass’s claim, not plain fact', async () => {
    const data = await helper.ask<{ entity: any }>(`{
      entity(id: "israeli-f-16-jets-latakia-2018") {
        ${CLAIM}
        links(types: [ATTACKED, OF_TYPE]) { edges { type node { slug } claim { attributed accordingTo { slug } } } }
      }
    }`);
    expect(data.entity.claim.accordingTo).toEqual({ slug: 'russian-top-brass-statement-on-il-20' });
    for (const edge of data.entity.links.edges)
      expect(edge.claim, edge.node.slug).toEqual({
        attributed: true,
        accordingTo: { slug: 'russian-top-brass-statement-on-il-20' },
      });
  });
});

describe('bilateralRelation', () => {
  it('lists in events every visit that visits lists', async () => {
    const data = await helper.ask<{ bilateralRelation: any }>(`{
      bilateralRelation(a: "russia", b: "israel") {
        events(first: 100) { nodes { slug } }
        visits(first: 100) { nodes { slug } }
      }
    }`);
    const events = data.bilateralRelation.events.nodes.map((n: { slug: string }) => n.slug);
    const visits = data.bilateralRelation.visits.nodes.map((n: { slug: string }) => n.slug);
    expect(visits).toContain('putin-visit-to-holy-land-2005');
    expect(events).toEqual(expect.arrayContaining(visits));
  });

  it('plots a cooperation–conflict series, each point counted, weighted and listing its events', async () => {
    const data = await helper.ask<{ bilateralRelation: any }>(`{
      bilateralRelation(a: "russia", b: "israel") {
        series(by: MONTH) {
          period count cooperation conflict verbalCooperation materialCooperation
          verbalConflict materialConflict goldstein
          events { slug ... on Event { cameo { code goldstein } } ... on Incident { cameo { code goldstein } } }
        }
      }
    }`);
    const series = data.bilateralRelation.series as any[];
    const may = series.find((p) => p.period === '2022-05');
    expect(may.events.map((e: { slug: string }) => e.slug)).toEqual([
      'israel-summons-russian-ambassador-2022',
      'lapid-condemns-remarks-2022',
      'ministry-calls-lapid-statement-anti-historical-2022',
      'putin-apology-2022',
      'putin-bennett-call-2022',
    ]);
    expect(may).toMatchObject({
      count: 5,
      cooperation: 2,
      conflict: 3,
      verbalCooperation: 2,
      verbalConflict: 3,
      goldstein: 2,
    });
    // The 1953 severance is a point of its month; a year-only event a point of its year.
    expect(series.find((p) => p.period === '1953-02')?.events.map((e: any) => e.slug)).toEqual([
      'ussr-severs-ties-with-israel-1953',
    ]);
    expect(series.map((p) => p.period)).toContain('2005');
    for (const point of series) {
      expect(point.count).toBe(point.events.length);
      const sum = point.events.reduce((s: number, e: any) => s + e.cameo.goldstein, 0);
      expect(point.goldstein).toBeCloseTo(sum, 5);
    }
  });

  it('reaches the memory of the war from World War II through its victory', async () => {
    const data = await helper.ask<{ entity: any }>(`{
      entity(id: "world-war-ii") {
        links(types: [PART_OF], direction: INCOMING) {
          edges { node { slug links(types: [CONCERNS], direction: INCOMING) { nodes { slug } } } }
        }
      }
    }`);
    const victory = data.entity.links.edges.find(
      (e: any) => e.node.slug === 'victory-over-nazi-germany',
    );
    expect(victory.node.links.nodes.map((n: { slug: string }) => n.slug)).toContain(
      'victory-65th-anniversary-events-2010',
    );
  });
});
