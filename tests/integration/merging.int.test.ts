import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { provenanceOf } from '../../src/db/provenance-repository.ts';
import { importFile } from '../../src/db/seed.ts';
import { KNOWLEDGE_NODE } from '../helpers/graph-fingerprint.ts';
import { writeFixture } from '../helpers/source-fixtures.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// Two documents that say things of the same entities and links, merged in a real Neo4j; each
// merge is checked by dumping which document backs which value.

const helper = new TestHelper({ timeoutMs: 60_000 });
const MINI = 'tests/fixtures/mini.yaml';
const SEQUEL = 'tests/fixtures/sequel.yaml';
const SLOW = 120_000;

afterAll(async () => {
  await helper.close();
});

beforeEach(async () => {
  await helper.reset();
}, SLOW);

/** Every node and relationship with its labels and properties, as sorted JSON lines. */
async function snapshot(): Promise<string[]> {
  const rows = await helper.db.read<{ item: Record<string, unknown> }>(
    // The revision log aside: its numbers follow the order of imports (docs/write-api.md).
    `CALL () { MATCH (n) WHERE ${KNOWLEDGE_NODE}
               RETURN {labels: labels(n), properties: n {.*, revision: null}} AS item
               UNION ALL
               MATCH (a)-[r]->(b) RETURN {from: a.id, type: type(r), to: b.id,
                                          properties: properties(r)} AS item }
     RETURN item`,
  );
  const sorted = (_: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value;
  return rows.map((row) => JSON.stringify(row.item, sorted)).sort();
}

async function linksOf(id: string, type: string) {
  const { links } = await provenanceOf(helper.db, [id]);
  return links.filter((link) => link.type === type);
}

describe('links two documents state', () => {
  it(
    'keeps an end date on the link of the document that states it, apart from the undated one',
    async () => {
      await importFile(helper.db, MINI);
      await importFile(helper.db, SEQUEL);
      expect(await linksOf('rudolf', 'HELD_OFFICE')).toEqual([
        {
          type: 'HELD_OFFICE',
          from: 'rudolf',
          to: 'ruritania',
          key: 'King@@@',
          properties: { role: 'King' },
          backing: { role: { 'mini-document': 'King' } },
          quotes: { 'mini-document': ['Rudolf is the King of Ruritania.'] },
        },
        {
          type: 'HELD_OFFICE',
          from: 'rudolf',
          to: 'ruritania',
          key: 'King@@@1953-06',
          properties: {
            role: 'King',
            validTo: '1953-06',
            validToStart: '1953-06-01',
            validToEnd: '1953-06-30',
            validToPrecision: 'month',
            validToApproximate: false,
          },
          backing: {
            role: { 'sequel-document': 'King' },
            validTo: { 'sequel-document': '1953-06' },
            validToStart: { 'sequel-document': '1953-06-01' },
            validToEnd: { 'sequel-document': '1953-06-30' },
            validToPrecision: { 'sequel-document': 'month' },
            validToApproximate: { 'sequel-document': false },
          },
          quotes: { 'sequel-document': ['Rudolf, King of Ruritania until June 1953'] },
        },
      ]);
    },
    SLOW,
  );

  it(
    'warns of links that differ only in date precision, and keeps both',
    async () => {
      await importFile(helper.db, MINI);
      const summary = await importFile(helper.db, SEQUEL);
      expect(summary.warnings).toContain(
        '"rudolf" is named "Rudolf" in mini-document and "King Rudolf" in sequel-document; ' +
          'the first becomes the name, the others aliases',
      );
      expect(summary.warnings).toContain(
        'near-duplicate links ruritania -RECOGNIZED-> freedonia: date 1950-05-01 (mini-document) ' +
          'and date 1950-05 (sequel-document); if they are one fact, write the same dates',
      );
      const recognized = await linksOf('ruritania', 'RECOGNIZED');
      expect(recognized.map((link) => [link.properties.date, Object.keys(link.quotes)])).toEqual([
        ['1950-05-01', ['mini-document']],
        ['1950-05', ['sequel-document']],
      ]);
    },
    SLOW,
  );

  it(
    'merges one link two documents state alike, and rebuilds it when one withdraws',
    async () => {
      const sameDate = (f: Record<string, any>) => {
        f.links[2].date = { value: '1950-05-01', asWritten: 'In May 1950' };
      };
      await importFile(helper.db, MINI);
      await importFile(helper.db, await writeFixture('sequel', sameDate));
      const [merged] = await linksOf('ruritania', 'RECOGNIZED');
      expect(merged?.quotes).toEqual({
        'mini-document': ['Ruritania recognized Freedonia on May 1, 1950.'],
        'sequel-document': ['In May 1950 the Kingdom of Ruritania recognized Freedonia.'],
      });
      expect(merged?.backing.date).toEqual({
        'mini-document': '1950-05-01',
        'sequel-document': '1950-05-01',
      });
      expect(merged?.properties.dateAsWritten).toBe('In May 1950');

      await importFile(
        helper.db,
        await writeFixture('sequel', (f) => {
          f.links = f.links.filter((link: { type: string }) => link.type !== 'RECOGNIZED');
        }),
      );
      const [rebuilt] = await linksOf('ruritania', 'RECOGNIZED');
      expect(rebuilt?.quotes).toEqual({
        'mini-document': ['Ruritania recognized Freedonia on May 1, 1950.'],
      });
      expect(rebuilt?.properties.dateAsWritten).toBeUndefined();
      expect(rebuilt?.backing.dateAsWritten).toBeUndefined();
    },
    SLOW,
  );

  it(
    'leaves the same graph whatever the order of imports, and when a document is imported again',
    async () => {
      await importFile(helper.db, SEQUEL);
      await importFile(helper.db, MINI);
      const sequelFirst = await snapshot();
      await helper.reset();
      await importFile(helper.db, MINI);
      await importFile(helper.db, SEQUEL);
      expect(await snapshot()).toEqual(sequelFirst);
      await importFile(helper.db, MINI);
      expect(await snapshot()).toEqual(sequelFirst);
    },
    SLOW,
  );
});

describe('a graph loaded before links kept what each document states', () => {
  it(
    'is brought to the same graph by importing its documents again, links they share included',
    async () => {
      const sequel = await writeFixture('sequel', (f) => {
        f.links[2].date = '1950-05-01';
        // The sequel says only "In May 1950": the day is waived, as a curator would.
        f.links[2].note = 'The day May 1 is inferred from the mini document.';
      });
      await importFile(helper.db, MINI);
      await importFile(helper.db, sequel);
      const current = await snapshot();
      await helper.executeCypher('MATCH ()-[r]->() REMOVE r.said');
      await importFile(helper.db, sequel);
      await importFile(helper.db, MINI);
      expect(await snapshot()).toEqual(current);
    },
    SLOW,
  );
});

describe('entities two documents declare', () => {
  it(
    'keeps every document’s description and name, and the values one document omits',
    async () => {
      await importFile(helper.db, MINI);
      await importFile(
        helper.db,
        await writeFixture('sequel', (f) => {
          f.entities.push({
            id: 'friendship-treaty',
            kind: 'Treaty',
            name: 'Treaty of Friendship',
            subject: 'friendship',
            description: 'A treaty the sequel mentions without its date.',
            cite: 'Ruritania recognized Freedonia',
          });
        }),
      );
      const { entities } = await provenanceOf(helper.db, ['ruritania', 'friendship-treaty']);
      const ruritania = entities.find((e) => e.id === 'ruritania');
      expect(ruritania?.properties).toMatchObject({
        name: 'Ruritania',
        aliases: ['Kingdom of Ruritania'],
        description: 'A country in the fixture. The kingdom Rudolf ruled until 1953.',
      });
      expect(ruritania?.backing.name).toEqual({
        'mini-document': 'Ruritania',
        'sequel-document': 'Kingdom of Ruritania',
      });
      expect(ruritania?.backing.description).toEqual({
        'mini-document': 'A country in the fixture.',
        'sequel-document': 'The kingdom Rudolf ruled until 1953.',
      });
      const treaty = entities.find((e) => e.id === 'friendship-treaty');
      expect(treaty?.properties).toMatchObject({ signed: '1951', signedPrecision: 'year' });
      expect(treaty?.backing.signed).toEqual({ 'mini-document': '1951' });
    },
    SLOW,
  );

  it(
    'refuses a document that declares an entity with another kind, and writes nothing',
    async () => {
      await importFile(helper.db, MINI);
      const before = await snapshot();
      const place = await writeFixture('sequel', (f) => {
        f.entities[1].kind = 'Place';
      });
      await expect(importFile(helper.db, place)).rejects.toThrow(
        '"freedonia" is declared as "Country" in mini-document and "Place" in sequel-document: ' +
          'an entity has one kind',
      );
      expect(await snapshot()).toEqual(before);
    },
    SLOW,
  );
});

describe('the seed documents', () => {
  it(
    'keep both documents’ descriptions of Vladimir Putin',
    async () => {
      await helper.seed();
      const { entities } = await provenanceOf(helper.db, ['vladimir-putin']);
      const [putin] = entities;
      const descriptions = putin?.backing.description ?? {};
      expect(Object.keys(descriptions)).toEqual([
        'israel-russia-bilateral-relations',
        'tass-russian-israeli-relations',
      ]);
      for (const description of Object.values(descriptions))
        expect(putin?.properties.description).toContain(description);
    },
    SLOW,
  );

  it(
    'tell through the API what each document says Vladimir Putin is',
    async () => {
      await helper.seed();
      const data = await helper.ask(`{
        entity(id: "vladimir-putin") { description citations { description document { slug } } }
      }`);
      const byDocument = new Map<string, string>(
        data.entity.citations.map((c: { description: string; document: { slug: string } }) => [
          c.document.slug,
          c.description,
        ]),
      );
      expect([...byDocument.keys()]).toEqual([
        'israel-russia-bilateral-relations',
        'tass-russian-israeli-relations',
      ]);
      expect(byDocument.get('tass-russian-israeli-relations')).toBe('Russian President.');
      for (const description of byDocument.values())
        expect(data.entity.description).toContain(description);
    },
    SLOW,
  );
});
