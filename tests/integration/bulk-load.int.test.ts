import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/generate.ts';
import { bulkLoad } from '../../src/db/bulk-load.ts';
import { importFile, sourceFilesIn } from '../../src/db/seed.ts';
import {
  readSourceFilesAhead,
  readSourceFileWithSource,
  type SourceFileRead,
} from '../../src/knowledge/read-source-file.ts';
import { graphContent } from '../helpers/graph-fingerprint.ts';
import { runScript } from '../helpers/run-script.ts';
import { writeFixture } from '../helpers/source-fixtures.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// The bulk loader fills an empty graph with what `npm run import` of the same files would give,
// revisions included; a bad file in the corpus leaves nothing of the load behind.

const helper = new TestHelper({ timeoutMs: 120_000 });
const SLOW = 300_000;

afterAll(async () => {
  await helper.close();
});

beforeEach(async () => {
  await helper.reset();
});

async function* reading(files: string[]): AsyncGenerator<SourceFileRead> {
  for (const file of files) yield await readSourceFileWithSource(file);
}

const REVISIONS = `
MATCH (r:Revision)
RETURN r.number AS number, r.document AS document, r.action AS action, r.author AS author,
       r.entities AS entities, r.links AS links
ORDER BY number`;

async function revisions() {
  const [counter] = await helper.executeCypher<{ last: number }>(
    "MATCH (c:RevisionCounter {id: 'revisions'}) RETURN c.last AS last",
  );
  return { counter: counter?.last, log: await helper.executeCypher(REVISIONS) };
}

/** Nodes a load writes (documents, entities, revisions, its marker) found in the graph. */
async function leftBehind(): Promise<number> {
  const [row] = await helper.executeCypher<{ nodes: number }>(
    `MATCH (n) WHERE n:Entity OR n:Document OR n:Revision OR n:RevisionCounter OR n:BulkLoad
     RETURN count(n) AS nodes`,
  );
  return row?.nodes ?? -1;
}

async function generated(scale: number): Promise<string[]> {
  return writeCorpus(await mkdtemp(join(tmpdir(), 'bulk-corpus-')), generateCorpus(scale, 3));
}

async function compareWithImporter(files: string[], batchEntities?: number) {
  for (const file of files) await importFile(helper.db, file);
  const imported = await graphContent(helper.db);
  const importedRevisions = await revisions();

  await helper.reset();
  const summary = await bulkLoad(helper.db, reading(files), { batchEntities });
  expect(summary.documents).toBe(files.length);
  const loaded = await graphContent(helper.db);
  expect(loaded).toEqual(imported);
  expect(await revisions()).toEqual(importedRevisions);

  // The importer, run again over the same files, finds nothing to change and records nothing.
  for (const file of files) await importFile(helper.db, file);
  expect(await graphContent(helper.db)).toEqual(imported);
  expect(await revisions()).toEqual(importedRevisions);
}

describe('bulk load', () => {
  it(
    'gives the seed data the graph the importer gives it (shared entities and links merged)',
    async () => {
      await compareWithImporter(await sourceFilesIn('data'));
    },
    SLOW,
  );

  it(
    "gives a generated corpus the importer's graph, documents split over several transactions",
    async () => {
      await compareWithImporter(await generated(7), 300);
    },
    SLOW,
  );

  it(
    'refuses a corpus with a quote its text lacks, naming the file, and leaves nothing written',
    async () => {
      const files = await generated(7);
      const broken = await writeFixture('mini', (file) => {
        file.entities[0].cite = ['A sentence the text does not hold.'];
      });
      const load = bulkLoad(helper.db, reading([...files.slice(0, 2), broken, ...files.slice(2)]), {
        batchEntities: 300,
      });
      await expect(load).rejects.toThrow(/mini\.yaml cannot be imported/);
      await expect(load).rejects.toThrow(/does not hold|not found|verbatim/i);
      expect(await leftBehind()).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a corpus with a file that is not valid YAML, naming the file and its line, and leaves nothing written',
    async () => {
      const files = await generated(7);
      const broken = join(await mkdtemp(join(tmpdir(), 'bulk-broken-')), 'broken.yaml');
      // A key given twice: the fast parse refuses it, and yaml's message names the line.
      await writeFile(broken, 'document:\n  id: broken\ndocument:\n  id: again\n');
      const load = bulkLoad(helper.db, readSourceFilesAhead([...files.slice(0, 2), broken]), {
        batchEntities: 300,
      });
      await expect(load).rejects.toThrow(/broken\.yaml cannot be imported/);
      await expect(load).rejects.toThrow(/\(yaml\): .*at line 3, column 1/);
      expect(await leftBehind()).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses an entity two documents give two kinds, naming the later document, and leaves nothing written',
    async () => {
      const first = await writeFixture('mini');
      const second = await writeFixture('sequel', (file) => {
        file.entities[1].kind = 'Place';
      });
      const load = bulkLoad(helper.db, reading([first, second]), { batchEntities: 1 });
      await expect(load).rejects.toThrow(
        'sequel-document cannot be imported (1 problem(s)):\n  - (graph): "freedonia" is ' +
          'declared as "Country" in mini-document and "Place" in sequel-document: an entity has one kind',
      );
      expect(await leftBehind()).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a graph that already holds documents and leaves it as it was',
    async () => {
      const [file] = await sourceFilesIn('data');
      await importFile(helper.db, file as string);
      const before = await graphContent(helper.db);
      await expect(bulkLoad(helper.db, reading([file as string]))).rejects.toThrow(
        /fills an empty graph only/,
      );
      expect(await graphContent(helper.db)).toEqual(before);
    },
    SLOW,
  );

  it(
    'loads through `npm run import -- --bulk`, and the importer then finds nothing to change',
    async () => {
      const files = await sourceFilesIn('data');
      const { stdout, code } = await runScript('import', ['--bulk', ...files], workerNeo4jEnv());
      expect(code).toBe(0);
      expect(stdout).toMatch(/^loaded 2 files in bulk: \d+ entities and \d+ links$/m);
      const loaded = await graphContent(helper.db);
      const logged = await revisions();
      expect(logged.counter).toBe(2);
      const again = await runScript('import', files, workerNeo4jEnv());
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('no change');
      expect(await graphContent(helper.db)).toEqual(loaded);
      expect(await revisions()).toEqual(logged);
    },
    SLOW,
  );
});
