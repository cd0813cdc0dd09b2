import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortDateOf } from '../../src/db/entity-row.ts';
import { applySchema } from '../../src/db/schema-setup.ts';
import { importFile, sourceFilesIn } from '../../src/db/seed.ts';
import type { ImportPlan } from '../../src/knowledge/import-plan.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { canonicalJson, KNOWLEDGE_NODE } from '../helpers/graph-fingerprint.ts';
import { writeMiniFixture } from '../helpers/source-fixtures.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// The seed data in a real Neo4j: what the files say is what the graph holds, loading is idempotent
// and all-or-nothing, every fact carries its quote, and the questions a reader asks are answered
// with the words of the source.

const SLOW = 180_000;

const helper = new TestHelper({ timeoutMs: 60_000 });
let files: string[] = [];
let plans: ImportPlan[] = [];

// ── Expected graph: the plans merged the way the importer documents it ─────────────────────────

interface ExpectedEntity {
  kinds: Set<string>;
  properties: Record<string, unknown>;
  citations: Map<string, { quotes: string[]; note: string | null }>;
}

interface ExpectedLink {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  sources: string[];
  quotes: string[];
}

const linkId = (type: string, from: string, to: string, key: string) =>
  `${type}|${from}|${to}|${key}`;

/**
 * What importing `imported` should leave, in any order. An entity is what its documents say of it
 * in document-id order: each value from the first document that states it, descriptions joined,
 * aliases united with the other documents' names. A link holds its citations in document-id order,
 * what each states in `said`, and each property from the first document that states it.
 */
function expectedGraph(imported: ImportPlan[]) {
  const entities = new Map<string, ExpectedEntity>();
  const links = new Map<string, ExpectedLink>();
  const byDocumentId = [...imported].sort((a, b) => a.document.id.localeCompare(b.document.id));
  const descriptions = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  for (const plan of byDocumentId) {
    const doc = plan.document.id;
    for (const row of plan.entities) {
      const entity: ExpectedEntity = entities.get(row.id) ?? {
        kinds: new Set([row.kind]),
        properties: { id: row.id, kind: row.kind, aliases: [] },
        citations: new Map(),
      };
      for (const [name, value] of Object.entries(row.properties)) {
        if (value !== null && !(name in entity.properties)) entity.properties[name] = value;
      }
      const aliases = entity.properties.aliases as string[];
      for (const alias of row.properties.aliases as string[])
        if (!aliases.includes(alias)) aliases.push(alias);
      descriptions.set(row.id, [
        ...(descriptions.get(row.id) ?? []),
        String(row.properties.description),
      ]);
      names.set(row.id, [...(names.get(row.id) ?? []), String(row.properties.name)]);
      entity.citations.set(doc, { quotes: row.quotes, note: row.note });
      // Every document's note, in document-id order, for full-text search.
      const notes = [...entity.citations.values()].flatMap((c) => (c.note ? [c.note] : []));
      if (notes.length > 0) entity.properties.noteText = notes.join(' ');
      else delete entity.properties.noteText;
      entities.set(row.id, entity);
    }
  }
  for (const [id, entity] of entities) {
    const said = [...new Set(descriptions.get(id))];
    entity.properties.description = said
      .filter((d) => !said.some((other) => other !== d && other.includes(d)))
      .join(' ');
    const [first, ...others] = names.get(id) ?? [];
    const aliases = entity.properties.aliases as string[];
    for (const name of others) if (name !== first && !aliases.includes(name)) aliases.push(name);
  }
  for (const plan of byDocumentId) {
    const doc = plan.document.id;
    for (const row of plan.links) {
      const id = linkId(row.type, row.from, row.to, row.key);
      const link: ExpectedLink = links.get(id) ?? {
        type: row.type,
        from: row.from,
        to: row.to,
        properties: { key: row.key, notes: [], said: [], context: [] },
        sources: [],
        quotes: [],
      };
      for (const [name, value] of Object.entries(row.properties)) {
        if (value !== null && !(name in link.properties)) link.properties[name] = value;
      }
      (link.properties.notes as string[]).push(...row.quotes.map(() => row.note ?? ''));
      (link.properties.said as string[]).push(
        ...row.quotes.map(() => JSON.stringify(row.properties)),
      );
      (link.properties.context as boolean[]).push(...row.quotes.map((_, i) => !!row.context?.[i]));
      link.sources.push(...row.quotes.map(() => doc));
      link.quotes.push(...row.quotes);
      links.set(id, link);
    }
  }
  return { entities, links };
}

// ── Reading the graph back ────────────────────────────────────────────────────────────────────

interface EntityRecord {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  citations: { doc: string; quotes: string[]; note: string | null }[];
}

interface LinkRecord {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

async function readEntities(): Promise<Map<string, EntityRecord>> {
  const rows = await helper.db.read<EntityRecord>(
    `MATCH (n:Entity)
     OPTIONAL MATCH (n)-[c:CITED_IN]->(d:Document)
     WITH n, collect(CASE WHEN d IS NULL THEN null
                          ELSE {doc: d.id, quotes: c.quotes, note: c.note} END) AS citations
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties, citations`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function readLinks(): Promise<Map<string, LinkRecord>> {
  const rows = await helper.db.read<LinkRecord>(
    `MATCH (a:Entity)-[r]->(b:Entity)
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties`,
  );
  const links = new Map<string, LinkRecord>();
  for (const row of rows) {
    const id = linkId(row.type, row.from, row.to, String(row.properties.key));
    expect(links.has(id), `one relationship per link identity: ${id}`).toBe(false);
    links.set(id, row);
  }
  return links;
}

/**
 * Compares the whole graph with what importing `imported` in order should leave; lists every
 * difference (entity or link, field, found, expected) so one failure shows them all.
 */
async function expectGraphToHold(imported: ImportPlan[]) {
  const expected = expectedGraph(imported);
  const entities = await readEntities();
  const links = await readLinks();
  expect([...entities.keys()].sort()).toEqual([...expected.entities.keys()].sort());
  expect([...links.keys()].sort()).toEqual([...expected.links.keys()].sort());

  const differences: string[] = [];
  const compare = (what: string, found: unknown, wanted: unknown) => {
    if (canonicalJson(found) !== canonicalJson(wanted))
      differences.push(`${what}: found ${canonicalJson(found)}, expected ${canonicalJson(wanted)}`);
  };
  for (const [id, want] of expected.entities) {
    const got = entities.get(id);
    if (!got) throw new Error(`entity ${id} is missing`);
    compare(`${id} labels`, [...got.labels].sort(), ['Entity', ...want.kinds].sort());
    const { aliasText, searchKeys: _, aliases, sortDate, ...rest } = got.properties;
    const { aliases: wantAliases, ...wantRest } = want.properties;
    compare(`${id} properties`, rest, wantRest);
    compare(`${id} aliases`, aliases, wantAliases);
    compare(`${id} aliasText`, aliasText, (aliases as string[]).join('; '));
    compare(`${id} sortDate`, sortDate, sortDateOf(want.properties));
    compare(
      `${id} citations`,
      Object.fromEntries(got.citations.map((c) => [c.doc, { quotes: c.quotes, note: c.note }])),
      Object.fromEntries(want.citations),
    );
  }
  for (const [id, want] of expected.links) {
    const got = links.get(id);
    if (!got) throw new Error(`link ${id} is missing`);
    const { sources, quotes, ...rest } = got.properties;
    compare(`${id} properties`, rest, want.properties);
    compare(`${id} sources`, sources, want.sources);
    compare(`${id} quotes`, quotes, want.quotes);
  }
  expect(differences).toEqual([]);
}

/** Every node and relationship with its labels and properties, in a stable order. */
async function snapshot(): Promise<string[]> {
  const nodes = await helper.db.read<{ node: { labels: string[]; properties: unknown } }>(
    // The revision log aside: it records changes (docs/write-api.md).
    `MATCH (n) WHERE ${KNOWLEDGE_NODE}
     RETURN {labels: labels(n), properties: n {.*, revision: null}} AS node`,
  );
  const relationships = await helper.db.read<{ rel: unknown }>(
    `MATCH (a)-[r]->(b)
     RETURN {from: a.id, type: type(r), to: b.id, properties: properties(r)} AS rel`,
  );
  return [
    ...nodes.map((n) => canonicalJson({ ...n.node, labels: [...n.node.labels].sort() })),
    ...relationships.map((r) => canonicalJson(r.rel)),
  ].sort();
}

/** Counts plus the provenance totals an import must not change. */
async function provenanceTotals() {
  const [row] = await helper.db.read<{ citedIn: number; quotes: number; touched: number }>(
    `CALL () { MATCH (:Entity)-[c:CITED_IN]->(:Document) RETURN count(c) AS citedIn }
     CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN sum(size(coalesce(r.quotes, []))) AS quotes }
     CALL () { MATCH (n:_Touched) RETURN count(n) AS touched }
     RETURN citedIn, quotes, touched`,
  );
  return { ...(await helper.counts()), ...row };
}

async function documentTexts(): Promise<Map<string, string>> {
  const rows = await helper.db.read<{ id: string; text: string }>(
    'MATCH (d:Document) RETURN d.id AS id, d.text AS text',
  );
  return new Map(rows.map((row) => [row.id, row.text]));
}

/** Every quote is non-empty and occurs verbatim in the text of the document it cites. */
async function expectQuoted(citations: { doc: string; quotes: string[] }[]) {
  const texts = await documentTexts();
  expect(citations.length).toBeGreaterThan(0);
  for (const { doc, quotes } of citations) {
    expect(quotes.length, `quotes from ${doc}`).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(quote.length).toBeGreaterThan(0);
      expect(texts.get(doc), `"${quote}" is in ${doc}`).toContain(quote);
    }
  }
}

/** A relationship's citations, grouped by document. */
function byDocument(sources: string[], quotes: string[]): { doc: string; quotes: string[] }[] {
  const grouped = new Map<string, string[]>();
  sources.forEach((doc, i) => {
    grouped.set(doc, [...(grouped.get(doc) ?? []), quotes[i] ?? '']);
  });
  return [...grouped].map(([doc, q]) => ({ doc, quotes: q }));
}

beforeAll(async () => {
  files = await sourceFilesIn('data');
  plans = await Promise.all(files.map((file) => readSourceFile(file)));
  await helper.seed();
}, 600_000);

afterAll(async () => {
  await helper.close();
});

describe('loading the seed files', () => {
  it(
    'reads each file, imported alone into an empty graph, back exactly as its plan',
    async () => {
      try {
        for (const [i, file] of files.entries()) {
          await helper.reset();
          await importFile(helper.db, file);
          await expectGraphToHold([plans[i] as ImportPlan]);
          const [doc] = await helper.db.read<Record<string, unknown>>(
            'MATCH (d:Document) RETURN properties(d) AS d',
          );
          // The source file kept for writes, and the revision the import made (docs/write-api.md).
          const { text, nonFactual, source, revision, textFile, ...rest } = (doc?.d ??
            {}) as Record<string, unknown>;
          const plan = plans[i] as ImportPlan;
          expect(typeof source).toBe('string');
          expect(revision).toBe(1);
          expect(text).toBe(plan.document.text);
          expect(nonFactual).toEqual(plan.document.nonFactual);
          // Where the document's text file was, kept for `npm run export`.
          expect(textFile).toBe(plan.document.source);
          const { id, title, publisher, kind, language, note } = plan.document;
          expect(rest).toEqual({
            id,
            title,
            publisher,
            kind,
            language,
            ...(note === null ? {} : { note }),
          });
        }
      } finally {
        await helper.seed();
      }
    },
    SLOW,
  );

  it(
    'holds every fact of every file after seeding: properties, united aliases, each document’s quotes',
    async () => {
      await expectGraphToHold(plans);
      // Spelled out for the reader: each file's own view of the merged graph.
      const entities = await readEntities();
      for (const plan of plans) {
        for (const row of plan.entities) {
          const got = entities.get(row.id);
          expect(got?.properties.kind).toBe(row.kind);
          expect(
            got?.properties.aliases,
            `aliases of ${row.id} include ${plan.document.id}'s`,
          ).toEqual(expect.arrayContaining(row.properties.aliases as string[]));
          expect(got?.citations.find((c) => c.doc === plan.document.id)?.quotes).toEqual(
            row.quotes,
          );
        }
      }
    },
    SLOW,
  );

  it(
    'changes nothing when both files are imported again',
    async () => {
      const before = await provenanceTotals();
      const graph = await snapshot();
      for (const file of files) await importFile(helper.db, file);
      expect(await provenanceTotals()).toEqual(before);
      expect(await snapshot()).toEqual(graph);
      expect(before.touched).toBe(0);
    },
    SLOW,
  );
});

describe('sort dates', () => {
  it('stores each entity’s first date as sortDate, undated last, and restores it on older graphs', async () => {
    const read = () =>
      helper.db.read<{ id: string; sortDate: string }>(
        'MATCH (n:Entity) RETURN n.id AS id, n.sortDate AS sortDate ORDER BY id',
      );
    const stored = await read();
    const byId = new Map(stored.map((row) => [row.id, row.sortDate]));
    expect(byId.get('ussr-recognizes-israel-1948')).toBe('1948-05-18');
    expect(byId.get('russia')).toBe('9999-12-31');
    // A graph imported before sortDate existed: the schema setup fills it in.
    await helper.executeCypher('MATCH (n:Entity) REMOVE n.sortDate');
    await applySchema(helper.db);
    expect(await read()).toEqual(stored);
  });
});

describe('provenance', () => {
  it('cites every entity in at least one document, and leaves no node unlabelled', async () => {
    const uncited = await helper.db.read<{ id: string }>(
      'MATCH (n:Entity) WHERE NOT (n)-[:CITED_IN]->(:Document) RETURN n.id AS id',
    );
    expect(uncited).toEqual([]);
    const strays = await helper.db.read<{ labels: string[] }>(
      `MATCH (n) WHERE NOT (n:Entity OR n:Document) AND ${KNOWLEDGE_NODE}
       RETURN labels(n) AS labels`,
    );
    expect(strays).toEqual([]);
    const [row] = await helper.db.read<{ entities: number }>(
      'MATCH (n:Entity) RETURN count(n) AS entities',
    );
    expect(row?.entities).toBe(expectedGraph(plans).entities.size);
  });

  it('gives every relationship between entities parallel, non-empty sources and quotes', async () => {
    const bad = await helper.db.read<{ link: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE r.sources IS NULL OR r.quotes IS NULL OR size(r.sources) = 0
          OR size(r.sources) <> size(r.quotes)
       RETURN a.id + ' -' + type(r) + '-> ' + b.id AS link`,
    );
    expect(bad).toEqual([]);
    const [row] = await helper.db.read<{ links: number }>(
      'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS links',
    );
    expect(row?.links).toBeGreaterThan(300);
  });

  it('names only existing documents in sources, and every quote occurs in its document', async () => {
    const unknown = await helper.db.read<{ source: string }>(
      `MATCH (:Entity)-[r]->(:Entity) UNWIND r.sources AS source
       WITH DISTINCT source WHERE NOT EXISTS { MATCH (:Document {id: source}) }
       RETURN source`,
    );
    expect(unknown).toEqual([]);
    const misquoted = await helper.db.read<{ quote: string }>(
      `MATCH (:Entity)-[r]->(:Entity) UNWIND range(0, size(r.sources) - 1) AS i
       MATCH (d:Document {id: r.sources[i]})
       WITH d, r.quotes[i] AS quote WHERE NOT d.text CONTAINS quote
       RETURN quote
       UNION
       MATCH (:Entity)-[c:CITED_IN]->(d:Document) UNWIND c.quotes AS quote
       WITH d, quote WHERE NOT d.text CONTAINS quote
       RETURN quote`,
    );
    expect(misquoted).toEqual([]);
  });
});

describe('schema', () => {
  it('has uniqueness constraints on Entity.id and Document.id', async () => {
    const rows = await helper.db.read<{ type: string; labels: string[]; properties: string[] }>(
      `SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
       RETURN type, labelsOrTypes AS labels, properties`,
    );
    for (const label of ['Entity', 'Document']) {
      expect(rows).toContainEqual({ type: 'UNIQUENESS', labels: [label], properties: ['id'] });
    }
  });

  it('has the full-text index entity_search, which finds the Soviet Union by the alias USSR', async () => {
    const [index] = await helper.db.read<{ type: string; labels: string[]; state: string }>(
      `SHOW INDEXES YIELD name, type, labelsOrTypes, state WHERE name = 'entity_search'
       RETURN type, labelsOrTypes AS labels, state`,
    );
    expect(index).toEqual({ type: 'FULLTEXT', labels: ['Entity'], state: 'ONLINE' });
    const hits = await helper.db.read<{ id: string; name: string }>(
      `CALL db.index.fulltext.queryNodes('entity_search', 'USSR') YIELD node, score
       RETURN node.id AS id, node.name AS name ORDER BY score DESC`,
    );
    expect(hits).toContainEqual({ id: 'ussr', name: 'Soviet Union' });
    // Through the alias field itself: the Soviet Union is found because it is called "USSR".
    const byAlias = await helper.db.read<{ id: string; name: string; aliases: string[] }>(
      `CALL db.index.fulltext.queryNodes('entity_search', 'aliasText:USSR') YIELD node
       RETURN node.id AS id, node.name AS name, node.aliases AS aliases`,
    );
    expect(byAlias.map(({ id, name }) => ({ id, name }))).toContainEqual({
      id: 'ussr',
      name: 'Soviet Union',
    });
    expect(byAlias.find((hit) => hit.id === 'ussr')?.aliases).toContain('USSR');
  });
});

describe('questions a reader asks, answered with quotes', () => {
  it('tells when Soviet–Israeli ties were cut and restored, with the events that did it', async () => {
    const rows = await helper.db.read<{
      status: string;
      from: string;
      to: string | null;
      opened: { id: string; category: string; date: string; sources: string[]; quotes: string[] }[];
      closed: { id: string; category: string; date: string; sources: string[]; quotes: string[] }[];
      cited: { doc: string; quotes: string[] }[];
    }>(
      `MATCH (p:StatusPeriod)-[:BETWEEN]->(:Country {id: 'ussr'}),
             (p)-[:BETWEEN]->(:Country {id: 'israel'})
       RETURN p.status AS status, p.validFrom AS from, p.validTo AS to,
              COLLECT { MATCH (e)-[r:OPENED]->(p)
                        RETURN {id: e.id, category: e.category, date: e.date,
                                sources: r.sources, quotes: r.quotes} } AS opened,
              COLLECT { MATCH (e)-[r:CLOSED]->(p)
                        RETURN {id: e.id, category: e.category, date: e.date,
                                sources: r.sources, quotes: r.quotes} } AS closed,
              COLLECT { MATCH (p)-[c:CITED_IN]->(d:Document)
                        RETURN {doc: d.id, quotes: c.quotes} } AS cited
       ORDER BY p.validFromStart`,
    );
    expect(rows.map((r) => [r.status, r.from, r.to])).toEqual([
      ['full', '~1948-05-22/1948-05-28', '1953-02'],
      ['severed', '1953-02', '1953-07'],
      ['full', '1953-07', '1967-06'],
      ['severed', '1967-06', '1987'],
      ['consular', '1987', '1991-10-18'],
      ['full', '1991-10-18', '1991-12'],
    ]);
    expect(rows.map((r) => r.opened.map((e) => [e.category, e.date]))).toEqual([
      [['establishment-of-ties', '~1948-05-22/1948-05-28']],
      [['break-of-ties', '1953-02']],
      [['restoration-of-ties', '1953-07']],
      [['break-of-ties', '1967-06']],
      [['restoration-of-ties', '1987']],
      [['restoration-of-ties', '1991-10-18']],
    ]);
    // The last Soviet period ends when Israel recognised Russia as the successor state.
    expect(rows.map((r) => r.closed.map((e) => e.category))).toEqual([
      ['break-of-ties'],
      ['restoration-of-ties'],
      ['break-of-ties'],
      ['restoration-of-ties'],
      ['restoration-of-ties'],
      ['recognition'],
    ]);
    const events = rows.flatMap((r) => [...r.opened, ...r.closed]);
    await expectQuoted([
      ...rows.flatMap((r) => r.cited),
      ...events.flatMap((e) => byDocument(e.sources, e.quotes)),
    ]);
    // The break and restoration events, each with its own quote.
    const turns = await helper.db.read<{
      category: string;
      date: string;
      cited: { doc: string; quotes: string[] }[];
    }>(
      `MATCH (e:Event) WHERE e.category IN ['break-of-ties', 'restoration-of-ties']
         AND (e)<-[:PARTICIPATED_IN]-(:Country {id: 'ussr'})
       RETURN e.category AS category, e.date AS date,
              COLLECT { MATCH (e)-[c:CITED_IN]->(d:Document)
                        RETURN {doc: d.id, quotes: c.quotes} } AS cited
       ORDER BY e.dateStart`,
    );
    expect(turns.map((t) => [t.category, t.date])).toEqual([
      ['break-of-ties', '1953-02'],
      ['restoration-of-ties', '1953-07'],
      ['break-of-ties', '1967-06'],
      ['restoration-of-ties', '1987'],
      ['restoration-of-ties', '1991-10-18'],
    ]);
    await expectQuoted(turns.flatMap((t) => t.cited));
  });

  it('lists the three agreements signed in 1994, by name, with quotes', async () => {
    const rows = await helper.db.read<{ name: string; doc: string; quotes: string[] }>(
      `MATCH (t:Treaty) WHERE t.signedStart >= '1994-01-01' AND t.signedStart < '1995-01-01'
       MATCH (t)-[c:CITED_IN]->(d:Document)
       RETURN t.name AS name, d.id AS doc, c.quotes AS quotes ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'Russian-Israeli agreement on avoiding dual taxation',
      'Russian-Israeli agreement on cooperation in science and technology',
      'Russian-Israeli agreement on trade and economic cooperation',
    ]);
    await expectQuoted(rows);
    for (const row of rows) expect(row.quotes.join(' ')).toContain('(1994)');
  });

  it('lists the UN resolutions Russia cites, directly and through its statements', async () => {
    const direct = await helper.db.read<{ number: string; sources: string[]; quotes: string[] }>(
      `MATCH (:Country {id: 'russia'})-[r:CITES]->(u:UNResolution)
       RETURN u.number AS number, r.sources AS sources, r.quotes AS quotes
       ORDER BY toInteger(u.number)`,
    );
    expect(direct.map((r) => r.number)).toEqual(['242', '338', '1397', '1515', '2334']);
    await expectQuoted(direct.flatMap((r) => byDocument(r.sources, r.quotes)));

    const viaStatements = await helper.db.read<{
      number: string;
      statement: string;
      sources: string[];
      quotes: string[];
    }>(
      `MATCH (:Country {id: 'russia'})-[:PARTICIPATED_IN]->(s:Event)-[r:CITES]->(u:UNResolution)
       RETURN u.number AS number, s.id AS statement, r.sources AS sources, r.quotes AS quotes`,
    );
    expect(viaStatements.map((r) => r.number)).toContain('497');
    await expectQuoted(viaStatements.flatMap((r) => byDocument(r.sources, r.quotes)));
  });

  it('tells what happened on 17 September 2018 and what followed, with quotes', async () => {
    const happened = await helper.db.read<{
      id: string;
      kind: string;
      cited: { doc: string; quotes: string[] }[];
    }>(
      `MATCH (n:Entity {dateStart: '2018-09-17', dateEnd: '2018-09-17'})-[c:CITED_IN]->(d:Document)
       RETURN n.id AS id, n.kind AS kind, collect({doc: d.id, quotes: c.quotes}) AS cited`,
    );
    expect(happened.map((h) => [h.id, h.kind])).toEqual([['il-20-incident-2018', 'Incident']]);
    await expectQuoted(happened.flatMap((h) => h.cited));
    expect(happened[0]?.cited.flatMap((c) => c.quotes).join(' ')).toContain(
      'September 17, 2018 air incident',
    );

    const followed = await helper.db.read<{
      type: string;
      id: string;
      sources: string[];
      quotes: string[];
    }>(
      `MATCH (:Incident {id: 'il-20-incident-2018'})-[r:CAUSED|FOLLOWED]->(x:Entity)
       RETURN type(r) AS type, x.id AS id, r.sources AS sources, r.quotes AS quotes
       UNION
       MATCH (:Incident {id: 'il-20-incident-2018'})<-[r:FOLLOWED]-(x:Entity)
       RETURN type(r) AS type, x.id AS id, r.sources AS sources, r.quotes AS quotes`,
    );
    // The document says what came "after the incident", not that it was the cause.
    expect(followed.map((f) => `${f.type} ${f.id}`).sort()).toEqual([
      'FOLLOWED netanyahu-visit-to-moscow-2019-02',
      'FOLLOWED putin-netanyahu-talks-cancelled',
      'FOLLOWED russia-decides-to-deliver-s-300-to-syria',
      'FOLLOWED russia-israel-relations-soured-2018',
    ]);
    await expectQuoted(followed.flatMap((f) => byDocument(f.sources, f.quotes)));

    const [delivery] = await helper.db.read<{ date: string; quotes: string[] }>(
      `MATCH (:Event {id: 'russia-decides-to-deliver-s-300-to-syria'})<-[r:FOLLOWED]-(e:Event)
       RETURN e.date AS date, r.quotes AS quotes`,
    );
    expect(delivery?.date).toBe('2018-10');
    expect(delivery?.quotes.join(' ')).toContain('handed over in October 2018');
  });

  it('gives the 2019 trade figures with their units and quotes', async () => {
    const rows = await helper.db.read<{
      id: string;
      value: number;
      unit: string;
      doc: string;
      quotes: string[];
    }>(
      `MATCH (f:Figure) WHERE f.periodStart >= '2019-01-01' AND f.periodStart < '2020-01-01'
       MATCH (f)-[c:CITED_IN]->(d:Document)
       RETURN f.id AS id, f.value AS value, f.unit AS unit, d.id AS doc, c.quotes AS quotes
       ORDER BY f.id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(4);
    expect(byId['russia-israel-trade-2019']).toMatchObject({
      value: 1.73,
      unit: 'billion US dollars',
    });
    expect(byId['russia-israel-trade-change-2019']).toMatchObject({
      value: -17.63,
      unit: 'percent',
    });
    expect(byId['russian-exports-to-israel-2019']).toMatchObject({
      value: 1.17,
      unit: 'billion US dollars',
    });
    expect(byId['israeli-imports-2019']).toMatchObject({ value: 558, unit: 'million US dollars' });
    expect(byId['russia-israel-trade-2019']?.quotes.join(' ')).toContain('$1.73 billion');
    expect(byId['russia-israel-trade-change-2019']?.quotes.join(' ')).toContain('17.63%');
    expect(byId['russian-exports-to-israel-2019']?.quotes.join(' ')).toContain('$1.17 billion');
    expect(byId['israeli-imports-2019']?.quotes.join(' ')).toContain('$558 million');
    await expectQuoted(rows);
  });
});

describe('status as of a day', () => {
  async function statusOn(day: string): Promise<{ id: string; status: string }[]> {
    return helper.db.read(
      `MATCH (p:StatusPeriod)-[:BETWEEN]->(c:Country WHERE c.id IN ['ussr', 'russia']),
             (p)-[:BETWEEN]->(:Country {id: 'israel'})
       WHERE p.validFromStart <= $day AND (p.validToStart IS NULL OR $day < p.validToStart)
       RETURN p.id AS id, p.status AS status`,
      { day },
    );
  }

  it.each([
    ['1950-01-01', 'full'],
    ['1970-01-01', 'severed'],
    ['1990-06-01', 'consular'],
    ['1953-02-01', 'severed'],
    ['1991-10-18', 'full'],
    ['2020-01-01', 'full'],
  ])('finds exactly one period on %s: %s', async (day, status) => {
    const periods = await statusOn(day);
    expect(periods.map((p) => p.status)).toEqual([status]);
  });

  it('finds no period before the ties were established', async () => {
    expect(await statusOn('1948-05-18')).toEqual([]);
  });
});

describe('importing a bad or changed file', () => {
  async function rejection(edit: (file: Record<string, any>) => void): Promise<string> {
    const path = await writeMiniFixture(edit);
    try {
      await importFile(helper.db, path);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the file was imported');
  }

  it.each<[string, (file: Record<string, any>) => void, string]>([
    [
      'a missing citation',
      (f) => {
        delete f.entities[1].cite;
      },
      'entities[1] "freedonia" › cite: must be a verbatim quote or a list of them',
    ],
    [
      'a quote not in the document',
      (f) => {
        f.links[0].cite = 'Ruritania invaded Freedonia';
      },
      'links[0] ruritania -RECOGNIZED-> freedonia › cite[0]: quote not found verbatim',
    ],
    [
      'an unknown kind',
      (f) => {
        f.entities[0].kind = 'Planet';
      },
      'entities[0] "ruritania" › kind: unknown kind "Planet"',
    ],
    [
      'a dangling link',
      (f) => {
        f.links[1].to = 'atlantis';
      },
      'links[1] ruritania -PARTY_TO-> atlantis › to: no entity with id "atlantis" in this file',
    ],
    [
      'a malformed date',
      (f) => {
        f.links[0].date = '2019-13-45';
      },
      'links[0] ruritania -RECOGNIZED-> freedonia › date: "2019-13-45" has no month 13',
    ],
    [
      'a duplicate id',
      (f) => {
        f.entities[1].id = 'ruritania';
      },
      'entities[1] "ruritania": duplicate id "ruritania"',
    ],
  ])(
    'rejects a file with %s, naming the entry and field, and writes nothing',
    async (_, edit, message) => {
      const before = await provenanceTotals();
      expect(await rejection(edit)).toContain(message);
      expect(await provenanceTotals()).toEqual(before);
      const [row] = await helper.db.read<{ n: number }>(
        "MATCH (d:Document {id: 'mini-document'}) RETURN count(d) AS n",
      );
      expect(row?.n).toBe(0);
    },
  );

  it(
    'imports a valid file, then replaces its facts when it drops an entity, leaving the seed graph alone',
    async () => {
      const seedGraph = await snapshot();
      const before = await helper.counts();
      try {
        const full = await writeMiniFixture();
        await importFile(helper.db, full);
        // 4 entities + the document; 4 CITED_IN + 4 links.
        expect(await helper.counts()).toEqual({
          nodes: before.nodes + 5,
          relationships: before.relationships + 8,
        });
        const recognized = await helper.db.read<{ quotes: string[]; date: string }>(
          `MATCH (:Country {id: 'ruritania'})-[r:RECOGNIZED]->(:Country {id: 'freedonia'})
           RETURN r.quotes AS quotes, r.dateStart AS date`,
        );
        expect(recognized).toEqual([
          { quotes: ['Ruritania recognized Freedonia on May 1, 1950.'], date: '1950-05-01' },
        ]);

        const without = await writeMiniFixture((f) => {
          f.entities = f.entities.filter((e: { id: string }) => e.id !== 'freedonia');
          f.links = f.links.filter(
            (l: { from: string; to: string }) => l.from !== 'freedonia' && l.to !== 'freedonia',
          );
        });
        await importFile(helper.db, without);
        const [gone] = await helper.db.read<{ nodes: number; links: number }>(
          `CALL () { MATCH (n {id: 'freedonia'}) RETURN count(n) AS nodes }
           CALL () { MATCH (:Entity)-[r]->(:Entity)
                     WHERE 'mini-document' IN r.sources AND type(r) = 'RECOGNIZED'
                     RETURN count(r) AS links }
           RETURN nodes, links`,
        );
        expect(gone).toEqual({ nodes: 0, links: 0 });
        const left = await helper.db.read<{ from: string; type: string; to: string }>(
          `MATCH (a:Entity)-[r]->(b:Entity) WHERE 'mini-document' IN r.sources
           RETURN a.id AS from, type(r) AS type, b.id AS to ORDER BY type`,
        );
        expect(left).toEqual([
          { from: 'rudolf', type: 'HELD_OFFICE', to: 'ruritania' },
          { from: 'ruritania', type: 'PARTY_TO', to: 'friendship-treaty' },
        ]);
        // 3 entities + the document; 3 CITED_IN + 2 links.
        expect(await helper.counts()).toEqual({
          nodes: before.nodes + 4,
          relationships: before.relationships + 5,
        });
        const seedPart = (await snapshot()).filter(
          (line) => !/mini-document|ruritania|friendship-treaty|rudolf/.test(line),
        );
        expect(seedPart).toEqual(seedGraph);
      } finally {
        await helper.executeCypher(
          `MATCH (d:Document {id: 'mini-document'})
           OPTIONAL MATCH (n:Entity)-[:CITED_IN]->(d)
           WHERE NOT EXISTS { (n)-[:CITED_IN]->(other:Document) WHERE other <> d }
           DETACH DELETE n, d`,
        );
      }
      expect(await snapshot()).toEqual(seedGraph);
    },
    SLOW,
  );

  it(
    'leaves nothing behind when an import fails in the middle of its transaction',
    async () => {
      const before = await provenanceTotals();
      const graph = await snapshot();
      const tass = files.find((file) => file.includes('tass-')) ?? '';
      for (const file of [tass, await writeMiniFixture()]) {
        let queries = 0;
        const remove = helper.db.onQuery(() => {
          queries += 1;
          if (queries === 4) throw new Error('interrupted on the 4th query');
        });
        try {
          await expect(importFile(helper.db, file)).rejects.toThrow('interrupted on the 4th query');
        } finally {
          remove();
        }
        expect(queries).toBe(4);
        expect(await provenanceTotals()).toEqual(before);
        expect(await snapshot()).toEqual(graph);
      }
    },
    SLOW,
  );
});
