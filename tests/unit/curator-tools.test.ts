import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nonFactualCandidates } from '../../src/knowledge/draft.ts';
import { findDates } from '../../src/knowledge/find-dates.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { runScript } from '../helpers/run-script.ts';
import { writeFixture, writeMiniFixture } from '../helpers/source-fixtures.ts';

const SLOW = 120_000;

async function problemsOf(file: string): Promise<string> {
  try {
    await readSourceFile(file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

/** A data folder holding the two fixture documents, `sequel` changed by `edit`. */
async function fixtureFolder(edit: (file: Record<string, any>) => void = () => {}) {
  const dir = await mkdtemp(join(tmpdir(), 'data-'));
  const mini = await writeFixture('mini', () => {}, dir);
  const sequel = await writeFixture('sequel', edit, dir);
  return { dir, mini, sequel };
}

describe('messages that say what to do', () => {
  it('shows the closest passage of the document for a quote not found verbatim', async () => {
    const file = await writeMiniFixture((f) => {
      f.links[0].cite = 'Ruritania recognised Freedonia on 1 May 1950.';
    });
    expect(await problemsOf(file)).toContain(
      'quote not found verbatim in the document: "Ruritania recognised Freedonia on 1 May 1950."; ' +
        'closest passage: "Ruritania recognized Freedonia on May 1, 1950."',
    );
  });

  it('says where an id the file does not declare is declared, or which ids are near', async () => {
    const { dir, sequel } = await fixtureFolder((f) => {
      f.entities = f.entities.filter((e: { id: string }) => e.id !== 'rudolf');
      f.links[2].to = 'freedonai';
    });
    const message = await problemsOf(sequel);
    expect(message).toContain(
      `links[0] rudolf -HELD_OFFICE-> ruritania › from: no entity with id "rudolf" in this file: ` +
        `declared in ${join(dir, 'mini.yaml')}; copy its declaration`,
    );
    expect(message).toContain(
      'links[2] ruritania -RECOGNIZED-> freedonai › to: no entity with id "freedonai" in this ' +
        'file: did you mean "freedonia"?',
    );
  });
});

describe('npm run lookup', () => {
  it(
    'finds an entity by an alias, with its kind, the files that declare it and a declaration to copy',
    async () => {
      const { dir } = await fixtureFolder();
      const { stdout, code } = await runScript('lookup', ['kingdom of ruritania', 'rudolff'], {
        DATA_DIR: dir,
      });
      expect(code).toBe(0);
      expect(stdout).toContain(
        [
          'ruritania (Country) "Ruritania"; aliases: Kingdom of Ruritania',
          `  declared in ${join(dir, 'mini.yaml')} (mini-document)`,
          `  declared in ${join(dir, 'sequel.yaml')} (sequel-document)`,
          '  to declare it in your file, copy and cite your document:',
          '    - id: ruritania',
          '      kind: Country',
          '      name: Ruritania',
        ].join('\n'),
      );
      expect(stdout).toContain('no entity named, aliased or with id "rudolff"; near ids: rudolf');
    },
    SLOW,
  );
});

describe('npm run check-data', () => {
  it(
    'checks files together: warns of differing names and near-duplicate links, and passes',
    async () => {
      const { mini, sequel } = await fixtureFolder();
      const { stdout, code } = await runScript('check-data', [mini, sequel]);
      expect(stdout).toContain(
        'warning: near-duplicate links ruritania -RECOGNIZED-> freedonia: date 1950-05-01 ' +
          '(mini-document) and date 1950-05 (sequel-document); if they are one fact, write the same dates',
      );
      expect(stdout).toContain(
        'warning: "rudolf" is named "Rudolf" in mini-document and "King Rudolf" in sequel-document',
      );
      expect(code).toBe(0);
    },
    SLOW,
  );

  it(
    'fails when two files declare one entity with different kinds',
    async () => {
      const { mini, sequel } = await fixtureFolder((f) => {
        f.entities[1].kind = 'Place';
      });
      const { stdout, code } = await runScript('check-data', [mini, sequel]);
      expect(stdout).toContain(
        'error: "freedonia" is declared as "Country" in mini-document and "Place" in ' +
          'sequel-document: an entity has one kind',
      );
      expect(code).toBe(1);
    },
    SLOW,
  );
});

describe('npm run check-data, on a named file', () => {
  it(
    'checks it against every other file of the folder, and lists every problem of every stage',
    async () => {
      const { dir, sequel } = await fixtureFolder((f) => {
        f.entities[1].kind = 'Place';
        f.entities.push({ id: 'bad', kind: 'Planet', name: 'Bad', description: 'x', cite: 'x' });
        f.links[0].type = 'RULED';
      });
      const { stdout, code } = await runScript('check-data', [sequel], { DATA_DIR: dir });
      expect(code).toBe(1);
      // The schema's refusal, the link's unknown type and the kind the folder contradicts, at once.
      expect(stdout).toContain('entities[4] "bad" › kind: unknown kind "Planet"');
      expect(stdout).toContain(
        'links[0] rudolf -RULED-> ruritania › type: unknown link type "RULED" from "rudolf" ' +
          '(Person) to "ruritania" (Country); nearest known type:',
      );
      expect(stdout).toContain(
        'error: "freedonia" is declared as "Country" in mini-document and "Place" in ' +
          'sequel-document: an entity has one kind',
      );
    },
    SLOW,
  );
});

describe('dates held by quotes', () => {
  it('refuses a day or month the quote does not give, as it refuses a year', async () => {
    const day = await problemsOf(
      await writeMiniFixture((f) => {
        f.links[0].date = '1950-05-02';
      }),
    );
    expect(day).toContain(
      'links[0] ruritania -RECOGNIZED-> freedonia › date: date 1950-05-02: no quote of its ' +
        'citation holds "May 2"',
    );
    const month = await problemsOf(
      await writeMiniFixture((f) => {
        f.links[0].date = '1950-06';
      }),
    );
    expect(month).toContain('date 1950-06: no quote of its citation holds "June"');
  });
});

describe('npm run draft', () => {
  it('lists non-factual candidates, and keeps a factual headline', async () => {
    const text = await readFile('tests/fixtures/remarks-2022.txt', 'utf8');
    expect(nonFactualCandidates(text)).toEqual(['World news', 'JERUSALEM, May 5 /Fixture Wire/.']);
    // A short headline that states a fact is left to the sentences; a heading of a few words is not.
    expect(
      nonFactualCandidates('Israel summons Russian envoy over remarks\n\nBilateral treaties\n'),
    ).toEqual(['Bilateral treaties']);
  });

  it(
    'drafts a source file from a new text, fails the check until decided, never overwrites',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'data-'));
      await writeFixture('mini', () => {}, dir);
      const text = join(dir, 'sequel.txt');
      await writeFile(text, await readFile('tests/fixtures/sequel.txt', 'utf8'));
      const output = join(dir, 'sequel-draft.yaml');
      const { code } = await runScript('draft', [text, output], { DATA_DIR: dir });
      expect(code).toBe(0);
      const draft = parse(await readFile(output, 'utf8'));
      expect(draft.document).toMatchObject({
        id: 'sequel-draft',
        source: 'sequel.txt',
        nonFactual: ['Sequel document', 'STRELSAU, June 5 (Fixture News).'],
      });
      for (const id of ['ruritania', 'freedonia', 'rudolf'])
        expect(draft.entities.map((e: { id: string }) => e.id)).toContain(id);
      expect(await problemsOf(output)).toContain('decide');
      const again = await runScript('draft', [text, output], { DATA_DIR: dir });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`cannot write ${output}`);
    },
    SLOW,
  );

  it('finds dates with the precision they are written with', () => {
    expect(
      findDates('On May 18, 1948, 18 May 1949, in the fall of 2015, early 2019 and in 1953.'),
    ).toEqual([
      { text: 'May 18, 1948', value: '1948-05-18', precision: 'day' },
      { text: '18 May 1949', value: '1949-05-18', precision: 'day' },
      { text: 'fall of 2015', value: '2015-fall', precision: 'season' },
      { text: 'early 2019', value: '2019-early', precision: 'season' },
      { text: '1953', value: '1953', precision: 'year' },
    ]);
  });
});
