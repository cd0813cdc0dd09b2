import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';
import { writeMiniFixture } from '../helpers/source-fixtures.ts';

async function problemsOf(edit: (file: Record<string, any>) => void): Promise<string> {
  try {
    await readSourceFile(await writeMiniFixture(edit));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('readSourceFile', () => {
  it('accepts the fixture and normalises dates', async () => {
    const plan = await readSourceFile(await writeMiniFixture());
    expect(plan.entities.map((e) => e.id)).toEqual([
      'ruritania',
      'freedonia',
      'friendship-treaty',
      'rudolf',
    ]);
    expect(plan.entities[2]?.properties).toMatchObject({
      signed: '1951',
      signedStart: '1951-01-01',
      signedEnd: '1951-12-31',
      signedPrecision: 'year',
    });
    expect(plan.links[0]).toMatchObject({ type: 'RECOGNIZED', key: '@1950-05-01@@' });
  });

  it('rejects a fact without a citation, naming the entry and field', async () => {
    const message = await problemsOf((f) => {
      delete f.entities[1].cite;
    });
    expect(message).toContain(
      'entities[1] "freedonia" › cite: must be a verbatim quote or a list of them',
    );
  });

  it('rejects a quote that is not in the document', async () => {
    const message = await problemsOf((f) => {
      f.links[0].cite = 'Ruritania invaded Freedonia';
    });
    expect(message).toContain(
      'links[0] ruritania -RECOGNIZED-> freedonia › cite[0]: quote not found verbatim in the document: "Ruritania invaded Freedonia"',
    );
  });

  it('rejects an unknown kind and an unknown link type', async () => {
    const message = await problemsOf((f) => {
      f.entities[0].kind = 'Planet';
      f.links[0].type = 'LOVES';
    });
    expect(message).toContain('entities[0] "ruritania" › kind: unknown kind "Planet"');
    expect(message).toContain('links[0] › type: unknown link type "LOVES"');
  });

  it('rejects a dangling link', async () => {
    const message = await problemsOf((f) => {
      f.links[1].to = 'atlantis';
    });
    expect(message).toContain(
      'links[1] ruritania -PARTY_TO-> atlantis › to: no entity with id "atlantis" in this file',
    );
  });

  it('rejects a malformed date', async () => {
    const message = await problemsOf((f) => {
      f.links[0].date = '2019-13-45';
    });
    expect(message).toContain(
      'links[0] ruritania -RECOGNIZED-> freedonia › date: "2019-13-45" has no month 13',
    );
  });

  it('rejects a duplicate id', async () => {
    const message = await problemsOf((f) => {
      f.entities[1].id = 'ruritania';
    });
    expect(message).toContain('entities[1] "ruritania": duplicate id "ruritania"');
  });

  it('rejects unknown fields', async () => {
    const message = await problemsOf((f) => {
      f.entities[0].capital = 'Strelsau';
    });
    expect(message).toContain('entities[0] "ruritania": unknown field(s) capital');
  });
});
