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

/** An event of the mini fixture's text, without a CAMEO code. */
const VISIT = {
  kind: 'Event',
  category: 'visit',
  name: 'Visit',
  description: 'A visit.',
  cite: 'Ruritania recognized Freedonia',
};

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
    // Both in one run: the entity the schema refuses does not hide the link's problem.
    expect(message).toContain(
      'links[0] ruritania -LOVES-> freedonia › type: unknown link type "LOVES" from "ruritania" ' +
        'to "freedonia" (Country); nearest known type: CITES; the types and the kinds they join ' +
        'are listed in data/README.md ("Link types") and cypher/vocabulary.md',
    );
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

  it('flags a date whose quotes hold no such year, naming the fix', async () => {
    const message = await problemsOf((f) => {
      f.links[0].cite = 'Ruritania recognized Freedonia';
    });
    expect(message).toContain(
      'links[0] ruritania -RECOGNIZED-> freedonia › date: date 1950-05-01: no quote of its citation holds "1950"',
    );
  });

  it('accepts the year from a context quote, and stores it with the citation', async () => {
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.links[0].cite = ['Ruritania recognized Freedonia', { context: 'on May 1, 1950' }];
      }),
    );
    expect(plan.links[0]?.quotes).toEqual(['Ruritania recognized Freedonia', 'on May 1, 1950']);
  });

  it('rejects a citation of context alone, and a context quote not in the document', async () => {
    const alone = await problemsOf((f) => {
      f.links[0].cite = [{ context: 'on May 1, 1950' }];
    });
    expect(alone).toContain('needs a quote that states the fact, not only context');
    const missing = await problemsOf((f) => {
      f.links[1].cite = ['The Treaty of Friendship', { context: 'in 1952' }];
    });
    expect(missing).toContain('cite[1]: quote not found verbatim in the document: "in 1952"');
  });

  it('accepts an unquoted year only when a sentence of the note names it as inferred', async () => {
    const mention = await problemsOf((f) => {
      f.links[0].cite = 'Ruritania recognized Freedonia';
      f.links[0].note = 'Recognition in 1950 is well known.';
    });
    expect(mention).toContain('no quote of its citation holds "1950"');
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.links[0].cite = 'Ruritania recognized Freedonia';
        f.links[0].note = 'The date May 1, 1950 is inferred from the treaty that followed.';
      }),
    );
    expect(plan.links[0]?.properties.date).toBe('1950-05-01');
  });

  it('flags a number no quote holds, and accepts it in the words the document uses', async () => {
    const figure = {
      id: 'treaty-parties',
      kind: 'Figure',
      name: 'Parties',
      value: 2,
      unit: 'countries',
      measure: 'parties to the treaty',
      description: 'The treaty has two parties.',
      cite: 'The Treaty of Friendship was signed by both in 1951.',
    };
    const message = await problemsOf((f) => {
      f.entities.push({ ...figure });
    });
    expect(message).toContain('entities[4] "treaty-parties" › value: value 2: no quote');
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.entities.push({ ...figure, valueAsWritten: 'both' });
      }),
    );
    expect(plan.entities[4]?.properties).toMatchObject({ value: 2, valueAsWritten: 'both' });
  });

  it('stores ISO 3166 codes from the package, a former country with its ISO 3166-3 code', async () => {
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.entities[0].iso3166 = 'SUHH';
        f.entities[1].iso3166 = 'IL';
      }),
    );
    expect(plan.entities[0]?.properties).toMatchObject({
      isoAlpha2: 'SU',
      isoAlpha3: 'SUN',
      isoNumeric: '810',
      isoAlpha4: 'SUHH',
      isoFormer: true,
    });
    expect(plan.entities[1]?.properties).toMatchObject({
      isoAlpha2: 'IL',
      isoAlpha3: 'ISR',
      isoNumeric: '376',
      isoFormer: false,
    });
  });

  it('rejects an unknown ISO code, and a former alpha-2 code, saying which to give', async () => {
    const message = await problemsOf((f) => {
      f.entities[0].iso3166 = 'QQ';
      f.entities[1].iso3166 = 'SU';
    });
    expect(message).toContain(
      'entities[0] "ruritania" › iso3166: "QQ" is not an ISO 3166-1 alpha-2 code',
    );
    expect(message).toContain(
      'entities[1] "freedonia" › iso3166: "SU" is a former code: give its ISO 3166-3 code "SUHH" (USSR)',
    );
  });

  it('keeps curator-added aliases among the aliases, marked apart', async () => {
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.entities[0].curatorAliases = ['Ruritanie'];
      }),
    );
    expect(plan.entities[0]?.properties).toMatchObject({
      aliases: ['Kingdom of Ruritania', 'Ruritanie'],
      curatorAliases: ['Ruritanie'],
    });
  });

  it('records who a claim is according to, and rejects an id the file does not declare', async () => {
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.links[0].accordingTo = 'freedonia';
      }),
    );
    expect(plan.links[0]?.properties.accordingTo).toBe('freedonia');
    const message = await problemsOf((f) => {
      f.links[0].accordingTo = 'atlantis';
    });
    expect(message).toContain(
      'links[0] ruritania -RECOGNIZED-> freedonia › accordingTo: no entity with id "atlantis" in this file',
    );
  });

  it('refuses an event without a CAMEO code, an unknown code, and a code YAML reads as a number', async () => {
    const event = { ...VISIT, id: 'a-visit' };
    const missing = await problemsOf((f) => f.entities.push(event));
    expect(missing).toContain('entities[4] "a-visit" › cameo: is required: the CAMEO event code');
    const unknown = await problemsOf((f) => f.entities.push({ ...event, cameo: '059' }));
    expect(unknown).toContain(
      'entities[4] "a-visit" › cameo: unknown CAMEO code "059" (data/codebooks/cameo.tsv lists them)',
    );
    const number = await problemsOf((f) => f.entities.push({ ...event, cameo: 55 }));
    expect(number).toContain('must be a CAMEO code in quotes ("055", not 055');
  });

  it('refuses a status period whose quotes do not state its status', async () => {
    const period = {
      id: 'a-period',
      kind: 'StatusPeriod',
      status: 'severed',
      name: 'A period',
      description: 'A period.',
      validFrom: '1950-05-01',
      cite: 'Ruritania recognized Freedonia on May 1, 1950.',
    };
    const message = await problemsOf((f) => f.entities.push(period));
    expect(message).toContain(
      'entities[4] "a-period" › status: no quote of its citation states the status "severed"',
    );
  });

  it('records whether an event happened, was planned or proposed (happened when not said)', async () => {
    const event = { ...VISIT, cameo: '042' };
    const plan = await readSourceFile(
      await writeMiniFixture((f) => {
        f.entities.push(
          { ...event, id: 'a-visit' },
          { ...event, id: 'b-visit', occurrence: 'planned' },
        );
      }),
    );
    expect(plan.entities.slice(4).map((e) => e.properties.occurrence)).toEqual([
      'happened',
      'planned',
    ]);
  });
});
