import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { evaluationSets } from '../../scripts/bench/draft-eval-items.ts';
import { type Declaration, loadCatalog } from '../../src/knowledge/catalog.ts';
import { checkDataFiles } from '../../src/knowledge/check-data.ts';
import { proposeDates } from '../../src/knowledge/proposals/dates.ts';
import { draftFile } from '../../src/knowledge/proposals/draft-file.ts';
import { evaluate } from '../../src/knowledge/proposals/evaluate.ts';
import { proposeFigures } from '../../src/knowledge/proposals/figures.ts';
import { findMentions } from '../../src/knowledge/proposals/mentions.ts';
import { propose } from '../../src/knowledge/proposals/propose.ts';
import { splitLines } from '../../src/knowledge/proposals/sentences.ts';

/** A catalogue entry as a source file would declare it. */
const declared = (raw: Record<string, unknown>): Declaration => ({
  id: String(raw.id),
  kind: String(raw.kind),
  name: String(raw.name),
  aliases: (raw.aliases as string[]) ?? [],
  description: String(raw.description ?? ''),
  file: 'catalog.yaml',
  document: 'catalog',
  raw,
});

/** Countries as a catalogue declares them, each id its name in lower case. */
const countries = (...names: string[]) =>
  names.map((name) => declared({ id: name.toLowerCase(), kind: 'Country', name }));

const CATALOG = [
  declared({ id: 'sergey-lavrov', kind: 'Person', name: 'Sergey Lavrov' }),
  declared({ id: 'russia', kind: 'Country', name: 'Russia' }),
  declared({
    id: 'moscow',
    kind: 'Place',
    name: 'Moscow',
    description: 'Moscow, capital of Russia.',
  }),
  declared({ id: 'united-states', kind: 'Country', name: 'United States', aliases: ['US'] }),
  declared({ id: 'georgia', kind: 'Country', name: 'Georgia' }),
  declared({ id: 'georgia-us-state', kind: 'Place', name: 'Georgia' }),
  declared({
    id: 'pankov',
    kind: 'Person',
    name: 'Boris Pankov',
    curatorAliases: ['Boris Pankin'],
  }),
];

describe('entity mentions', () => {
  it('links names, aliases and curator aliases, and flags close spellings and ambiguities', () => {
    const text =
      'Sergei Lavrov met US officials. Boris Pankin was there. Georgia objected. Moscow said no.';
    const found = findMentions(text, CATALOG).map((m) => ({
      quote: m.quote,
      ids: m.candidates.map((c) => `${c.id} ${c.by} ${c.confidence}`),
      flagged: m.flag !== undefined,
    }));
    expect(found).toEqual([
      { quote: 'Sergei Lavrov', ids: ['sergey-lavrov close spelling 0.8'], flagged: true },
      { quote: 'US', ids: ['united-states alias 1'], flagged: false },
      { quote: 'Boris Pankin', ids: ['pankov curator alias 0.95'], flagged: false },
      { quote: 'Georgia', ids: ['georgia name 1', 'georgia-us-state name 1'], flagged: true },
      { quote: 'Moscow', ids: ['moscow name 1', 'russia name 0.5'], flagged: true },
    ]);
  });

  it('leaves a demonym alone: "Russian" is no close spelling of Russia', () => {
    expect(findMentions('A Russian envoy came.', CATALOG)).toEqual([]);
  });
});

describe('new entities', () => {
  it('keeps lower-case particles inside a name, and finds a person again by any part of it', () => {
    const text =
      'Brazilian President Luiz Inacio Lula da Silva met Syrian President Ahmed al-Sharaa and ' +
      'Ursula von der Leyen in Rio de Janeiro. They discussed the Belt and Road Initiative. ' +
      'Lula said al-Sharaa would visit Rio de Janeiro.';
    const p = propose(text, []);
    const named = p.newEntities.filter((e) => e.kind !== 'Country');
    expect(named.map((e) => [e.name, e.kind])).toEqual([
      ['Luiz Inacio Lula da Silva', 'Person'],
      ['Ahmed al-Sharaa', 'Person'],
      ['Ursula von der Leyen', 'Person'],
      ['Rio de Janeiro', 'Place'],
      ['Belt and Road Initiative', 'Treaty'],
    ]);
    // "Lula said": the statement is Lula da Silva's.
    expect(p.events.find((e) => e.category === 'statement')?.participants).toEqual([
      'luiz-inacio-lula-da-silva',
    ]);
  });
});

describe('dates', () => {
  const text =
    'CAIRO, June 12, 2025 (Wire) - Talks ended on Wednesday. In April the sides agreed. ' +
    'Trade grew in the first nine months of 2019. About a week later, on May 2, 2022, it failed. ' +
    'A deal came about a week later.';

  it('gives each date its value, precision, words and the passage its year comes from', () => {
    const dates = proposeDates(text).map((d) => [
      d.quote,
      d.value,
      d.precision,
      d.asWritten,
      d.anchor?.quote,
    ]);
    expect(dates).toEqual([
      ['June 12, 2025', '2025-06-12', 'day', undefined, undefined],
      ['on Wednesday', '2025-06-11', 'day', 'on Wednesday', 'June 12, 2025'],
      ['In April', '2025-04', 'month', 'In April', 'June 12, 2025'],
      [
        'the first nine months of 2019',
        '2019-01/2019-09',
        'range',
        'the first nine months of 2019',
        undefined,
      ],
      // Counted from the last dated event (the talks), not from a span or the dispatch's date.
      [
        'About a week later',
        '~2025-06-15/2025-06-21',
        'range',
        'About a week later',
        'on Wednesday',
      ],
      ['May 2, 2022', '2022-05-02', 'day', undefined, undefined],
      [
        'about a week later',
        '~2022-05-06/2022-05-12',
        'range',
        'about a week later',
        'May 2, 2022',
      ],
    ]);
  });

  it("reads a dispatch's year-less dates in its dateline's year, not a figure's", () => {
    const dispatch =
      'BRASILIA, November 4, 2024 (Wire) - Exports grew, the ministry said on Monday. ' +
      'The figure is about 8 percent higher than a year earlier, and may grow now. ' +
      'Trade reached $157 billion in 2023. Xi will visit on November 20. ' +
      'Clashes in the first two weeks of March killed ten. The deal was signed in Jeddah on Thursday, the ministry said.';
    const dates = proposeDates(dispatch).map((d) => [d.quote, d.value, d.anchor?.quote]);
    expect(dates).toEqual([
      ['November 4, 2024', '2024-11-04', undefined],
      ['on Monday', '2024-11-04', 'November 4, 2024'],
      ['2023', '2023', undefined],
      ['on November 20', '2024-11-20', 'November 4, 2024'],
      ['in the first two weeks of March', '2024-03-01/2024-03-14', 'November 4, 2024'],
      ['on Thursday', '2024-10-31', 'November 4, 2024'],
    ]);
  });

  it('tells a dateline with a year from the lead it heads', () => {
    const { nonFactual, sentences } = splitLines(
      'World news\n\nGENEVA, June 12, 2025 (Fixture Wire) - Talks resumed on Wednesday.',
    );
    expect(nonFactual.map((n) => n.quote)).toEqual([
      'World news',
      'GENEVA, June 12, 2025 (Fixture Wire) -',
    ]);
    expect(sentences.map((n) => n.quote)).toEqual(['Talks resumed on Wednesday.']);
  });

  it('never dates "today" by the day the draft is made', () => {
    expect(proposeDates('The king abdicated today.')).toEqual([]);
  });
});

describe('figures', () => {
  it('reads value, unit, "about" and the period of the sentence', () => {
    const text = 'Iran held about 400 kilograms of uranium. Exports reached $31 billion in 2023.';
    const { sentences } = splitLines(text);
    const figures = proposeFigures(text, sentences, proposeDates(text)).map((f) => [
      f.quote,
      f.value,
      f.unit,
      f.about,
      f.period?.value,
    ]);
    expect(figures).toEqual([
      ['about 400 kilograms', 400, 'kilograms', true, undefined],
      ['$31 billion', 31, 'billion USD', false, '2023'],
    ]);
  });
});

describe('links', () => {
  it('reads the verb onto the vocabulary, and who states it for reported speech', () => {
    const text = 'Ruritania accused Freedonia of spying, Foreign Minister Anna Berg said.';
    const { links } = propose(text, [
      declared({ id: 'ruritania', kind: 'Country', name: 'Ruritania' }),
      declared({ id: 'freedonia', kind: 'Country', name: 'Freedonia' }),
    ]);
    expect(links.map((l) => [l.type, l.from, l.to, l.accordingTo, l.verb.quote])).toEqual([
      // An office with no country named: proposed as of the first country the text names.
      ['HELD_OFFICE', 'anna-berg', 'ruritania', undefined, 'Anna Berg'],
      ['BLAMED', 'ruritania', 'freedonia', 'anna-berg', 'accused'],
    ]);
  });

  it('reads meetings, visits, proposals and measures onto events and their ends', () => {
    const catalog = [
      declared({ id: 'portugal', kind: 'Country', name: 'Portugal' }),
      declared({ id: 'norway', kind: 'Country', name: 'Norway' }),
    ];
    const text =
      'Portuguese Foreign Minister Anna Berg and Norwegian Prime Minister Otto Lind met ' +
      'Norway envoy Karl Dorn in Vienna. Norway proposed a second round of talks in Graz. ' +
      'Trade between the two countries reached $5 billion, the ministry said.';
    const p = propose(text, catalog);
    const yaml = parse(draftFile(p, { id: 'd', source: 'd.txt', catalog }));
    const links = (yaml.links as Record<string, string>[]).map(
      (l) => `${l.type} ${l.from} ${l.to}`,
    );
    const meeting = p.events.find((e) => e.category === 'meeting')?.id;
    const proposal = p.events.find((e) => e.category === 'negotiation')?.id;
    expect(links).toEqual(
      expect.arrayContaining([
        `PARTICIPATED_IN anna-berg ${meeting}`,
        `PARTICIPATED_IN otto-lind ${meeting}`,
        `PARTICIPATED_IN karl-dorn ${meeting}`,
        `LOCATED_IN ${meeting} vienna`,
        `PROPOSED norway ${proposal}`,
        `LOCATED_IN ${proposal} graz`,
        'MEASURES d-figure-1 portugal',
        'MEASURES d-figure-1 norway',
      ]),
    );
    // A trailing "…, the ministry said" attributes the fact; it is no statement of its own.
    expect(p.events.map((e) => e.category)).not.toContain('statement');
    expect(links).not.toContain(`PARTICIPATED_IN norway ${meeting}`);
  });

  it('links "condemned the meeting", "welcomed the agreement" to the first such event or treaty', () => {
    const catalog = countries('Portugal', 'Norway', 'Spain', 'Italy');
    const text =
      'Portugal and Norway met in Vienna on Monday. Norway proposed a second round of talks. ' +
      'Spain visited Portugal. Spain condemned the meeting. ' +
      'Italy welcomed the resumption of talks. Spain and Italy signed the Treaty of Graz. ' +
      'Portugal welcomed the new agreement.';
    const p = propose(text, [
      ...catalog,
      declared({ id: 'treaty-of-graz', kind: 'Treaty', name: 'Treaty of Graz' }),
    ]);
    const meeting = p.events.find((e) => e.category === 'meeting')?.id;
    const links = p.links.map((l) => `${l.type} ${l.from} ${l.to}`);
    // The lead's meeting: not the proposed round of talks, nor the visit told after it.
    expect(links.filter((l) => l.startsWith('CONDEMNS') || l.startsWith('SUPPORTS italy'))).toEqual(
      [`CONDEMNS spain ${meeting}`, `SUPPORTS italy ${meeting}`],
    );
    expect(links).toEqual(
      expect.arrayContaining([
        `CONDEMNS spain ${meeting}`,
        `SUPPORTS italy ${meeting}`,
        'SUPPORTS portugal treaty-of-graz',
      ]),
    );
  });

  it('proposes a treaty named only by a common noun, with the countries as its parties', () => {
    const catalog = [
      ...countries('Ruritania', 'Freedonia'),
      declared({ id: 'treaty-of-graz', kind: 'Treaty', name: 'Treaty of Graz' }),
    ];
    const text =
      'Ruritania and Freedonia signed an agreement on fishing rights in Vienna on Monday. ' +
      'The two leaders signed a joint statement on trade. Ruritania signed the Treaty of Graz.';
    const p = propose(text, catalog);
    expect(p.newEntities.filter((e) => e.kind === 'Treaty').map((e) => [e.name, e.quote])).toEqual([
      ['Ruritania-Freedonia agreement on fishing rights', 'agreement on fishing rights'],
      ['Ruritania-Freedonia joint statement on trade', 'joint statement on trade'],
    ]);
    expect(p.links.filter((l) => l.type === 'PARTY_TO').map((l) => `${l.from} ${l.to}`)).toEqual([
      'ruritania ruritania-freedonia-agreement-on-fishing-rights',
      'freedonia ruritania-freedonia-agreement-on-fishing-rights',
      'ruritania ruritania-freedonia-joint-statement-on-trade',
      'freedonia ruritania-freedonia-joint-statement-on-trade',
      'ruritania treaty-of-graz',
    ]);
  });

  it('reads a lower-case office before a name: a person, of the country its demonym names', () => {
    const catalog = countries('Portugal', 'Norway');
    const text =
      'Portuguese Foreign Minister Anna Berg visited Oslo and held talks with her Norwegian ' +
      'counterpart Otto Lind. Norway named party leader Karl Dorn.';
    const p = propose(text, catalog);
    expect(
      p.newEntities.filter((e) => e.kind === 'Person').map((e) => [e.name, e.role ?? null]),
    ).toEqual([
      ['Anna Berg', 'Foreign Minister'],
      ['Otto Lind', null],
      ['Karl Dorn', 'leader'],
    ]);
    expect(p.links.filter((l) => l.type === 'HELD_OFFICE').map((l) => `${l.from} ${l.to}`)).toEqual(
      expect.arrayContaining(['anna-berg portugal', 'otto-lind norway']),
    );
  });
});

describe('links, read more widely', () => {
  const people = [
    ...countries('Portugal', 'Norway'),
    declared({ id: 'karl-dorn', kind: 'Person', name: 'Karl Dorn', aliases: ['Dorn'] }),
    declared({ id: 'otto-lind', kind: 'Person', name: 'Otto Lind', aliases: ['Lind'] }),
    declared({ id: 'union-party', kind: 'Organization', name: 'Union Party' }),
  ];
  const keys = (text: string) =>
    propose(text, people).links.map(
      (l) => `${l.type} ${l.from} ${l.to}${l.role ? ` ${l.role}` : ''}`,
    );

  it('reads the office before a person the catalogue already holds, and an organisation before it', () => {
    expect(
      keys(
        'Portuguese President Karl Dorn met Norwegian Prime Minister Otto Lind in Graz. ' +
          'Union Party leader Anna Berg did not attend.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'HELD_OFFICE karl-dorn portugal President',
        'HELD_OFFICE otto-lind norway Prime Minister',
        'HELD_OFFICE anna-berg union-party leader',
      ]),
    );
  });

  it('reads a statement after another verb ("met … and said that"), with a date between', () => {
    const p = propose(
      'Karl Dorn met Otto Lind in Graz on Monday and said that Portugal would support Norway. ' +
        'Lind said on Tuesday that the talks had gone well.',
      people,
    );
    const statements = p.events.filter((e) => e.category === 'statement');
    expect(statements.map((e) => e.participants)).toEqual([['karl-dorn'], ['otto-lind']]);
    expect(p.links.map((l) => `${l.type} ${l.from} ${l.to}`)).toContain('SUPPORTS portugal norway');
  });

  it('reads "he" and "she" as the person last named, "the country" as the country before', () => {
    expect(
      keys(
        'Karl Dorn arrived in Graz on Monday. He praised Otto Lind. ' +
          'Norway hosted the talks. Portugal later criticised the country.',
      ),
    ).toEqual(expect.arrayContaining(['SUPPORTS karl-dorn otto-lind', 'OPPOSES portugal norway']));
  });

  it('reads every verb of a sentence, and verbs of the same meaning onto one type', () => {
    const p = propose(
      'Karl Dorn met Otto Lind in Graz and visited Vienna. ' +
        'Portugal gave Norway $5 million in aid. Norway hailed Portugal. ' +
        'Portugal lists the Union Party as a terrorist organisation.',
      people,
    );
    expect(p.events.map((e) => e.category)).toEqual(expect.arrayContaining(['meeting', 'visit']));
    expect(p.links.map((l) => `${l.type} ${l.from} ${l.to}`)).toEqual(
      expect.arrayContaining([
        'SUPPLIED portugal norway',
        'SUPPORTS norway portugal',
        'OUTLAWED portugal union-party',
      ]),
    );
  });
});

describe('events a noun names', () => {
  it('reads "its offensive", "the Portuguese offensive", "a visit" as events, once each', () => {
    const catalog = [
      ...countries('Portugal', 'Norway', 'Spain'),
      declared({ id: 'karl-dorn', kind: 'Person', name: 'Karl Dorn' }),
    ];
    const p = propose(
      'Portugal launched its offensive against rebels in Norway on May 3. ' +
        'Spain condemned the Portuguese offensive. ' +
        'Karl Dorn arrived on Sunday for a two-day visit. ' +
        'He had spoken by telephone with Spain on Friday.',
      catalog,
    );
    const offensive = p.events.filter((e) => e.category === 'military-operation');
    expect(offensive.map((e) => e.participants)).toEqual([['portugal']]);
    expect(p.events.filter((e) => e.category === 'visit').map((e) => e.participants)).toEqual([
      ['karl-dorn'],
    ]);
    expect(p.events.filter((e) => e.category === 'phone-call').map((e) => e.participants)).toEqual([
      ['karl-dorn', 'spain'],
    ]);
    expect(p.links.map((l) => `${l.type} ${l.from} ${l.to}`)).toContain(
      `CONDEMNS spain ${offensive[0]?.id}`,
    );
  });
});

describe('where an event takes place', () => {
  it('is a country written after "in", with a direction before it', () => {
    const p = propose(
      'Portugal launched its offensive against rebels in northern Norway on May 3.',
      countries('Portugal', 'Norway'),
    );
    const offensive = p.events.find((e) => e.category === 'military-operation');
    expect(offensive?.places).toEqual(['norway']);
  });
});

describe('the drafted source file', () => {
  it('is valid YAML that fails the check undecided, and passes once the curator has decided', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'draft-'));
    const text = await readFile('tests/fixtures/mini.txt', 'utf8');
    await writeFile(join(dir, 'mini.txt'), text);
    const yaml = draftFile(propose(text, []), {
      id: 'mini-draft',
      source: 'mini.txt',
      catalog: [],
    });
    const draft = parse(yaml);
    await writeFile(join(dir, 'undecided.yaml'), yaml);
    const undecided = await checkDataFiles([join(dir, 'undecided.yaml')]);
    expect(undecided.failed).toBe(true);
    expect(undecided.lines.join('\n')).toContain('decide');

    // The curator's decisions: the publisher, the two countries' kind; everything else accepted.
    const { decide: _, ...document } = draft.document;
    const kinds: Record<string, string> = { ruritania: 'Country', freedonia: 'Country' };
    const decided = {
      document: { ...document, publisher: 'Test fixtures' },
      entities: draft.entities.map(({ decide: __, ...e }: Record<string, unknown>) => ({
        ...e,
        kind: kinds[String(e.id)] ?? e.kind,
      })),
      links: draft.links,
    };
    await writeFile(join(dir, 'decided.yaml'), stringify(decided));
    const report = await checkDataFiles([join(dir, 'decided.yaml')]);
    expect(report.lines.join('\n')).not.toContain('problem');
    expect(report.failed).toBe(false);
  });

  it('quotes only passages of the text, by their offsets, on every evaluation item', async () => {
    const catalog = await loadCatalog('data');
    const items = Object.values(await evaluationSets()).flat();
    expect(items.length).toBeGreaterThanOrEqual(12);
    for (const [textFile, curatedFile] of items) {
      const text = await readFile(textFile, 'utf8');
      const expected = await readFile(curatedFile, 'utf8');
      const others = catalog.filter((d) => !d.file.endsWith(curatedFile));
      expect(evaluate(text, expected, others).notVerbatim, textFile).toBe(0);
      const p = propose(text, others);
      for (const q of [...p.sentences, ...p.mentions, ...p.newEntities, ...p.dates, ...p.figures])
        expect(text.slice(q.start, q.end)).toBe(q.quote);
    }
  }, 60_000);
});
