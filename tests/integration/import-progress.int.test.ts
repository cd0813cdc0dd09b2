import { mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.ts';
import { writeFixture } from '../helpers/source-fixtures.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { workerNeo4jEnv } from '../helpers/worker-neo4j.ts';

// `npm run import` of many files, as a CI job runs it (no terminal): quiet progress lines and a
// summary instead of a line per file; every file still its own transaction.

const helper = new TestHelper({ timeoutMs: 60_000 });
const SLOW = 300_000;

afterAll(async () => {
  await helper.close();
});

it(
  'shows progress in a log when it imports many files, and loads each',
  async () => {
    await helper.reset();
    const dir = await mkdtemp(join(tmpdir(), 'import-progress-'));
    const files: string[] = [];
    for (let i = 0; i < 22; i++) {
      // The same fixture under another document id: the text file is shared.
      const written = await writeFixture(
        'mini',
        (file) => {
          file.document.id = `mini-copy-${i}`;
        },
        dir,
      );
      const copy = join(dir, `mini-copy-${i}.yaml`);
      await rename(written, copy);
      files.push(copy);
    }
    const { stdout, stderr, code } = await runScript('import', files, workerNeo4jEnv());
    expect(code).toBe(0);
    expect(stderr).toMatch(/^22\/22 documents, \d+ entities \(\d+ entities\/s, .*ETA 0 s\)$/m);
    expect(stderr).not.toContain('\r');
    expect(stdout).toMatch(/^imported 22 files: \d+ entities and \d+ links stated$/m);
    const [row] = await helper.executeCypher<{ documents: number }>(
      'MATCH (d:Document) RETURN count(d) AS documents',
    );
    expect(row?.documents).toBe(22);
  },
  SLOW,
);
