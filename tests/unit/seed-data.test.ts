import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, nonFactualProblem } from '../../src/knowledge/coverage.ts';
import type { EntityRow, ImportPlan, LinkRow } from '../../src/knowledge/import-plan.ts';
import { readSourceFile } from '../../src/knowledge/read-source-file.ts';

// The seed data checked without a database: every file reads, every factual sentence is quoted, and
// the facts the documents state are all there (counts taken from the documents themselves).

const DATA_DIR = 'data';
const FILES = readdirSync(DATA_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(DATA_DIR, name));

const TASS = join(DATA_DIR, 'tass-russian-israeli-relations.yaml');
const TIMELINE = join(DATA_DIR, 'israel-russia-bilateral-relations.yaml');

const plans = new Map<string, ImportPlan>();

function planOf(file: string): ImportPlan {
  const plan = plans.get(file);
  if (!plan) throw new Error(`${file} was not read`);
  return plan;
}

const yearOf = (iso: unknown) => (typeof iso === 'string' ? Number(iso.slice(0, 4)) : undefined);

/** Entities `to` that `from` links to with `type`, in one plan. */
function linked(plan: ImportPlan, type: LinkRow['type'], from: string): Set<string> {
  return new Set(plan.links.filter((l) => l.type === type && l.from === from).map((l) => l.to));
}

function entity(plan: ImportPlan, id: string): EntityRow {
  const found = plan.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id} in ${plan.document.id}`);
  return found;
}

beforeAll(async () => {
  for (const file of FILES) plans.set(file, await readSourceFile(file));
});

describe('seed data files', () => {
  it('finds the two seed documents', () => {
    expect(FILES).toEqual([TIMELINE, TASS]);
  });

  it.each(FILES)(
    '%s reads without problems, so every quote occurs verbatim in its document',
    async (file) => {
      const plan = await readSourceFile(file);
      expect(plan.entities.length).toBeGreaterThan(0);
      const quotes = [...plan.entities, ...plan.links].flatMap((fact) => fact.quotes);
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(plan.document.text).toContain(quote);
    },
  );

  it.each(FILES)('%s quotes every factual sentence of its document', (file) => {
    const plan = planOf(file);
    const coverage = coverageOf(plan);
    const percent = coverage.sentences === 0 ? 100 : (100 * coverage.covered) / coverage.sentences;
    console.log(
      `${basename(file)}: ${coverage.covered}/${coverage.sentences} factual sentences quoted ` +
        `(${percent.toFixed(0)}%)`,
    );
    expect(coverage.sentences).toBeGreaterThan(0);
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.covered).toBe(coverage.sentences);
  });

  it.each(FILES)(
    '%s lists its non-factual passages, each a line, the start of a line or a sentence of the document',
    (file) => {
      const plan = planOf(file);
      expect(plan.document.nonFactual.length).toBeGreaterThan(0);
      for (const passage of plan.document.nonFactual)
        expect(nonFactualProblem(plan.document.text, passage)).toBeUndefined();
    },
  );
});

describe('the TASS summary', () => {
  it('records the ten dated agreements signed by Russia and Israel, with their years', () => {
    const plan = planOf(TASS);
    const russia = linked(plan, 'PARTY_TO', 'russia');
    const israel = linked(plan, 'PARTY_TO', 'israel');
    const agreements = plan.entities.filter(
      (e) =>
        e.kind === 'Treaty' &&
        e.properties.signed !== undefined &&
        russia.has(e.id) &&
        israel.has(e.id),
    );
    expect(agreements).toHaveLength(10);
    expect(agreements.map((e) => yearOf(e.properties.signedStart)).sort()).toEqual([
      1993, 1994, 1994, 1994, 1997, 1997, 2003, 2008, 2011, 2016,
    ]);
    for (const agreement of agreements) {
      expect(agreement.properties.signedPrecision).toBe('year');
      expect(agreement.quotes.join(' ')).toContain(`(${agreement.properties.signed})`);
    }
  });

  it('records the UN resolutions the document names: 242, 338, 1397, 1515, 2334 and 497', () => {
    const numbers = planOf(TASS)
      .entities.filter((e) => e.kind === 'UNResolution')
      .map((e) => e.properties.number);
    expect([...numbers].sort()).toEqual(['1397', '1515', '2334', '242', '338', '497']);
    expect(entity(planOf(TASS), 'un-resolution-497').properties.dateStart).toBe('1981-12-17');
  });

  it('records the USSR/Russia–Israel diplomatic status as consecutive periods without gap or overlap', () => {
    const plan = planOf(TASS);
    const between = (id: string) =>
      plan.links.filter((l) => l.type === 'BETWEEN' && l.from === id).map((l) => l.to);
    const periods = plan.entities
      .filter((e) => e.kind === 'StatusPeriod')
      .filter((e) => between(e.id).includes('ussr') && between(e.id).includes('israel'))
      .sort((a, b) =>
        String(a.properties.validFromStart).localeCompare(String(b.properties.validFromStart)),
      );
    expect(periods.map((p) => p.properties.status)).toEqual([
      'full',
      'severed',
      'full',
      'severed',
      'consular',
      'full',
    ]);
    periods.forEach((period, i) => {
      const next = periods[i + 1];
      if (!next) {
        expect(period.properties.validTo, `${period.id} still holds`).toBeUndefined();
        return;
      }
      expect(period.properties.validTo, `${period.id} ends where ${next.id} begins`).toBe(
        next.properties.validFrom,
      );
      expect(period.properties.validToStart).toBe(next.properties.validFromStart);
    });
    expect(periods[0]?.properties.validFromStart).toBe('1948-05-25');
    expect(periods.at(-1)?.properties.validFromStart).toBe('1991-10-18');
  });

  it('gives each period the events that opened and closed it', () => {
    const plan = planOf(TASS);
    const periods = plan.entities.filter((e) => e.kind === 'StatusPeriod');
    for (const period of periods) {
      const opened = plan.links.filter((l) => l.type === 'OPENED' && l.to === period.id);
      const closed = plan.links.filter((l) => l.type === 'CLOSED' && l.to === period.id);
      expect(opened, `${period.id} is opened by one event`).toHaveLength(1);
      expect(closed, `${period.id} is closed by an event iff it ends`).toHaveLength(
        period.properties.validTo === undefined ? 0 : 1,
      );
    }
  });
});

describe('the timeline page', () => {
  /** The timeline's items: a year line, the "Israel-Russia" line, then the item itself. */
  function timelineItems(text: string): { year: number; item: string }[] {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const items: { year: number; item: string }[] = [];
    lines.forEach((line, i) => {
      const item = lines[i + 2];
      if (/^\d{4}$/.test(line) && lines[i + 1] === 'Israel-Russia' && item)
        items.push({ year: Number(line), item });
    });
    return items;
  }

  it('has the dated items the page shows: 1991, 2005, 2008×2, 2010×2, 2011×2, 2020', () => {
    const years = timelineItems(planOf(TIMELINE).document.text).map((i) => i.year);
    expect(years).toEqual([1991, 2005, 2008, 2008, 2010, 2010, 2011, 2011, 2020]);
  });

  it('records every dated item as an Event with a date in that year, quoting the item', () => {
    const plan = planOf(TIMELINE);
    const events = plan.entities.filter((e) => e.kind === 'Event' && e.properties.dateStart);
    for (const { year, item } of timelineItems(plan.document.text)) {
      const matching = events.filter(
        (e) => yearOf(e.properties.dateStart) === year && e.quotes.some((q) => item.includes(q)),
      );
      expect(matching.length, `an event of ${year} quotes "${item}"`).toBeGreaterThan(0);
    }
  });

  it('has, for each year, at least as many dated events as the timeline has items', () => {
    const plan = planOf(TIMELINE);
    const items = new Map<number, number>();
    for (const { year } of timelineItems(plan.document.text))
      items.set(year, (items.get(year) ?? 0) + 1);
    const events = new Map<number, number>();
    for (const e of plan.entities) {
      const year = e.kind === 'Event' ? yearOf(e.properties.dateStart) : undefined;
      if (year !== undefined) events.set(year, (events.get(year) ?? 0) + 1);
    }
    for (const [year, count] of items) {
      expect(events.get(year) ?? 0, `dated events in ${year}`).toBeGreaterThanOrEqual(count);
    }
  });

  it('agrees with the TASS summary on the shared full-relations period since 1991', () => {
    const here = entity(planOf(TIMELINE), 'ussr-israel-full-relations-1991').properties;
    const there = entity(planOf(TASS), 'ussr-israel-full-relations-1991').properties;
    expect(here.status).toBe(there.status);
    expect(here.validFromStart).toBe(there.validFromStart);
    expect(here.validTo).toBeUndefined();
  });
});
