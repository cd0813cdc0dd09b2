import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { previewImport } from '../../src/db/import-preview.ts';
import { importFile } from '../../src/db/seed.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { runScript } from '../helpers/run-script.ts';
import { writeFixture } from '../helpers/source-fixtures.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// The curator scripts that read the graph, run as a curator runs them, against a real Neo4j.

const helper = new TestHelper({ timeoutMs: 60_000 });
const SLOW = 180_000;
const MINI = 'tests/fixtures/mini.yaml';
const SEQUEL = 'tests/fixtures/sequel.yaml';

afterAll(async () => {
  await helper.close();
});

beforeEach(async () => {
  await helper.reset();
  await importFile(helper.db, MINI);
}, SLOW);

describe('npm run import --dry-run', () => {
  it(
    'lists what a new document would add and merge, and writes nothing',
    async () => {
      const before = await helper.counts();
      const { stdout, code } = await runScript('import', ['--dry-run', SEQUEL], workerNeo4jEnv());
      expect(stdout.split('\n').filter((line) => line.startsWith('  '))).toEqual([
        '  added     entity rudolf-abdicates (Event)',
        '  added     link rudolf -HELD_OFFICE-> ruritania (role King, to 1953-06)',
        '  added     link rudolf -PARTICIPATED_IN-> rudolf-abdicates (no role or date)',
        '  added     link ruritania -RECOGNIZED-> freedonia (date 1950-05)',
        '  merged    entity ruritania (Country), also stated by mini-document',
        '  merged    entity freedonia (Country), also stated by mini-document',
        '  merged    entity rudolf (Person), also stated by mini-document',
        '  warnings  "ruritania" is named "Ruritania" in mini-document and "Kingdom of Ruritania" in sequel-document; the first becomes the name, the others aliases',
        '  warnings  "rudolf" is named "Rudolf" in mini-document and "King Rudolf" in sequel-document; the first becomes the name, the others aliases',
        '  warnings  near-duplicate links ruritania -RECOGNIZED-> freedonia: date 1950-05-01 (mini-document) and date 1950-05 (sequel-document); if they are one fact, write the same dates',
        '  unchanged 0 fact(s)',
      ]);
      expect(code).toBe(0);
      expect(await helper.counts()).toEqual(before);
    },
    SLOW,
  );

  it(
    'lists what a changed document would change and withdraw, and what would be removed with it',
    async () => {
      await importFile(helper.db, SEQUEL);
      const changed = await readSourceFile(
        await writeFixture('sequel', (f) => {
          f.entities = f.entities.filter((e: { id: string }) => e.id !== 'rudolf-abdicates');
          f.links = f.links.filter((l: { to: string }) => l.to !== 'rudolf-abdicates');
          f.entities[0].description = 'The kingdom of the fixture.';
        }),
      );
      const preview = await previewImport(helper.db, changed);
      expect(preview).toMatchObject({
        added: [],
        merged: [],
        changed: [
          'entity ruritania (Country): description "The kingdom Rudolf ruled until 1953." → ' +
            '"The kingdom of the fixture."',
        ],
        withdrawn: [
          'entity rudolf-abdicates, removed: no other document states it',
          'link rudolf -PARTICIPATED_IN-> rudolf-abdicates (no role or date), removed: no other ' +
            'document states it',
        ],
        errors: [],
      });
      expect(preview.unchanged).toEqual([
        'entity freedonia (Country)',
        'entity rudolf (Person)',
        'link rudolf -HELD_OFFICE-> ruritania (role King, to 1953-06)',
        'link ruritania -RECOGNIZED-> freedonia (date 1950-05)',
      ]);
    },
    SLOW,
  );

  it(
    'says an import would be refused when a kind contradicts the graph',
    async () => {
      const place = await writeFixture('sequel', (f) => {
        f.entities[1].kind = 'Place';
      });
      const { stdout, code } = await runScript('import', ['--dry-run', place], workerNeo4jEnv());
      expect(stdout).toContain(
        '  errors    "freedonia" is declared as "Country" in mini-document and "Place" in ' +
          'sequel-document: an entity has one kind',
      );
      expect(code).toBe(1);
    },
    SLOW,
  );
});

describe('npm run check-data --graph', () => {
  it(
    'checks files against what the graph’s other documents say',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'data-'));
      const place = await writeFixture('sequel', (f) => (f.entities[1].kind = 'Place'), dir);
      const { stdout, code } = await runScript('check-data', ['--graph', place], workerNeo4jEnv());
      expect(stdout).toContain('against the graph:');
      expect(stdout).toContain(
        'error: "freedonia" is declared as "Country" in mini-document and "Place" in sequel-document',
      );
      expect(code).toBe(1);
    },
    SLOW,
  );
});

describe('npm run import', () => {
  it(
    'says "no change" when a document is imported again as it is, and shows attributions in a dry run',
    async () => {
      const first = await runScript('import', [SEQUEL], workerNeo4jEnv());
      expect(first.stdout).toContain(`${SEQUEL}: imported 4 entities and 3 links`);
      const again = await runScript('import', [SEQUEL], workerNeo4jEnv());
      expect(again.stdout).toContain(
        `${SEQUEL}: no change (the graph already holds what it states, as it states it)`,
      );
      const claimed = await writeFixture('sequel', (f) => {
        f.links[0].accordingTo = 'ruritania';
      });
      const dry = await runScript('import', ['--dry-run', claimed], workerNeo4jEnv());
      expect(dry.stdout).toContain('according to ruritania');
      expect(dry.stdout).toMatch(
        /changed +link .*according to ruritania: accordingTo \(none\) → "ruritania"/,
      );
    },
    SLOW,
  );
});

describe('npm run lookup --graph', () => {
  it(
    'finds entities of the graph by a part of a name or alias, with the documents that declare them',
    async () => {
      await importFile(helper.db, SEQUEL);
      const { stdout, code } = await runScript(
        'lookup',
        ['--graph', 'ruritania'],
        workerNeo4jEnv(),
      );
      expect(code).toBe(0);
      expect(stdout).toBe(
        [
          'ruritania (Country) "Ruritania"; aliases: Kingdom of Ruritania',
          '  declared by mini-document, sequel-document',
          '',
        ].join('\n'),
      );
    },
    SLOW,
  );
});

describe('npm run provenance', () => {
  it(
    'dumps which document backs which value of an entity and its links',
    async () => {
      await importFile(helper.db, SEQUEL);
      const { stdout, code } = await runScript('provenance', ['rudolf'], workerNeo4jEnv());
      expect(code).toBe(0);
      const dump = parse(stdout);
      expect(dump.entities[0].backing.name).toEqual({
        'mini-document': 'Rudolf',
        'sequel-document': 'King Rudolf',
      });
      expect(
        dump.links.map((l: { type: string; key: string; quotes: object }) => [
          l.type,
          l.key,
          Object.keys(l.quotes),
        ]),
      ).toEqual([
        ['HELD_OFFICE', 'King@@@', ['mini-document']],
        ['HELD_OFFICE', 'King@@@1953-06', ['sequel-document']],
        ['PARTICIPATED_IN', '@@@', ['sequel-document']],
      ]);
    },
    SLOW,
  );
});
