import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { exportGraph } from '../../src/db/export.ts';
import { importFile, sourceFilesIn } from '../../src/db/seed.ts';
import type { ImportPlan } from '../../src/knowledge/import-plan.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { findFreePort } from '../../src/local-neo4j/free-port.ts';
import { graphContent } from '../helpers/graph-fingerprint.ts';
import { runScript } from '../helpers/run-script.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { workerNeo4j, workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// `npm run export` writes the graph back as source files: the seed files come back unchanged in
// meaning, and importing an export into an empty graph gives the same graph.

const helper = new TestHelper({ timeoutMs: 60_000 });
const SLOW = 180_000;

afterAll(async () => {
  await helper.close();
});

async function load(dir: string, files?: string[]): Promise<void> {
  await helper.reset();
  for (const file of files ?? (await sourceFilesIn(dir))) await importFile(helper.db, file);
}

const tempDir = () => mkdtemp(join(tmpdir(), 'export-'));

/** A plan in an order-free form: entities by id, links by type, ends and key. */
function meaning(plan: ImportPlan) {
  const { source: _source, ...document } = plan.document;
  return {
    document,
    entities: [...plan.entities].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...plan.links].sort((a, b) =>
      `${a.type}|${a.from}|${a.to}|${a.key}`.localeCompare(`${b.type}|${b.from}|${b.to}|${b.key}`),
    ),
  };
}

/** Exports the graph, imports the export into an empty database, and expects the same graph. */
async function expectRoundTrip(): Promise<void> {
  const before = await graphContent(helper.db);
  const out = join(await tempDir(), 'export');
  await exportGraph(helper.db, out);
  await load(out);
  expect(await graphContent(helper.db)).toEqual(before);
}

describe('exportGraph', () => {
  beforeEach(async () => {
    await load('data');
  }, SLOW);

  it(
    'writes each seed document back unchanged in meaning: entities, links, quotes, dates, aliases',
    async () => {
      const out = join(await tempDir(), 'export');
      const summary = await exportGraph(helper.db, out);
      expect(summary.warnings).toEqual([]);
      const originals = await sourceFilesIn('data');
      expect((await sourceFilesIn(out)).map((f) => f.slice(out.length))).toEqual(
        originals.map((f) => f.slice('data'.length)),
      );
      for (const original of originals) {
        const exported = join(out, original.slice('data/'.length));
        expect(meaning(await readSourceFile(exported)), exported).toEqual(
          meaning(await readSourceFile(original)),
        );
      }
    },
    SLOW,
  );

  it(
    'gives the same graph when the export is imported into an empty database',
    async () => {
      await expectRoundTrip();
    },
    SLOW,
  );

  it(
    'round-trips documents that state the same entities and links differently',
    async () => {
      const fixtures = ['mini', 'sequel', 'visit', 'remarks-2022'].map(
        (name) => `tests/fixtures/${name}.yaml`,
      );
      await load('tests/fixtures', fixtures);
      await expectRoundTrip();
    },
    SLOW,
  );

  it(
    'leaves nothing behind when the database fails during the export',
    async () => {
      const parent = await tempDir();
      const { username, password } = workerNeo4j();
      const config = loadConfig({ NEO4J_USERNAME: username, NEO4J_PASSWORD: password });
      const down = connectDatabase(config, `bolt://127.0.0.1:${await findFreePort()}`, {
        timeoutMs: 2_000,
      });
      try {
        await expect(exportGraph(down, join(parent, 'export'))).rejects.toThrow();
      } finally {
        await down.close();
      }
      expect(await readdir(parent)).toEqual([]);
    },
    SLOW,
  );
});

describe('npm run export', () => {
  beforeEach(async () => {
    await load('data');
  }, SLOW);

  it(
    'writes the export, and refuses to overwrite a folder that is not an earlier export',
    async () => {
      const out = join(await tempDir(), 'backup');
      const first = await runScript('export', ['--out', out], workerNeo4jEnv());
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('exported 2 document(s)');
      const again = await runScript('export', ['--out', out], workerNeo4jEnv());
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(
        'exists and is not empty; name a new folder or pass --replace',
      );
      expect((await runScript('export', ['--out', out, '--replace'], workerNeo4jEnv())).code).toBe(
        0,
      );
      const refused = await runScript('export', ['--out', 'data', '--replace'], workerNeo4jEnv());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /holds files an export does not write .*it will not be replaced/,
      );
    },
    SLOW,
  );

  it(
    'says what is wrong when the folder cannot be written or Neo4j does not answer',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'a-file'), 'not a folder');
      const unwritable = await runScript(
        'export',
        ['--out', join(dir, 'a-file', 'out')],
        workerNeo4jEnv(),
      );
      expect(unwritable.code).toBe(1);
      expect(unwritable.stderr).toContain('export failed, nothing written: cannot write to');
      const down = await runScript('export', ['--out', join(dir, 'out')], {
        ...workerNeo4jEnv(),
        NEO4J_URI: `bolt://127.0.0.1:${await findFreePort()}`,
      });
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('export failed, nothing written: Neo4j does not answer');
      expect((await readdir(dir)).sort()).toEqual(['a-file']);
      expect(await readFile(join(dir, 'a-file'), 'utf8')).toBe('not a folder');
    },
    SLOW,
  );
});
