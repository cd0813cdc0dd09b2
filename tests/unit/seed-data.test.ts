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

/** Entities `from` that link to `to` with `type`, in one plan. */
function linkedTo(plan: ImportPlan, type: LinkRow['type'], to: string): string[] {
  return plan.links.filter((l) => l.type === type && l.to === to).map((l) => l.from);
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
      .filter((e) => between(e.id).includes('israel'))
      .filter((e) => between(e.id).includes('ussr') || between(e.id).includes('russia'))
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
      'full',
    ]);
    // The USSR's periods, then Russia's from Israel's recognition of it as successor state.
    expect(periods.map((p) => between(p.id).find((c) => c !== 'israel'))).toEqual([
      'ussr',
      'ussr',
      'ussr',
      'ussr',
      'ussr',
      'ussr',
      'russia',
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
    expect(periods[0]?.properties).toMatchObject({
      validFromStart: '1948-05-22',
      validFromEnd: '1948-05-28',
      validFromPrecision: 'range',
      validFromAsWritten: 'about a week later',
    });
    expect(periods.at(-2)?.properties.validFromStart).toBe('1991-10-18');
    expect(periods.at(-1)?.properties.validFromStart).toBe('1991-12-01');
  });

  it('dates the nine-month 2019 trade figures January to September 2019', () => {
    const figures = planOf(TASS).entities.filter(
      (e) => e.kind === 'Figure' && String(e.properties.measure).includes('first nine months'),
    );
    expect(figures.length).toBe(4);
    for (const figure of figures) {
      expect(figure.properties).toMatchObject({
        periodStart: '2019-01-01',
        periodEnd: '2019-09-30',
        periodPrecision: 'range',
      });
    }
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

describe('every file', () => {
  it.each(FILES)('%s puts each status period between exactly two countries', (file) => {
    const plan = planOf(file);
    for (const period of plan.entities.filter((e) => e.kind === 'StatusPeriod')) {
      const ends = plan.links.filter((l) => l.type === 'BETWEEN' && l.from === period.id);
      expect(
        ends.map((l) => l.to),
        period.id,
      ).toHaveLength(2);
    }
  });

  it.each(FILES)('%s links nothing both as cause and as mere sequence', (file) => {
    const plan = planOf(file);
    const pair = (l: LinkRow) => [l.from, l.to].sort().join('|');
    const caused = new Set(plan.links.filter((l) => l.type === 'CAUSED').map(pair));
    const followed = plan.links.filter((l) => l.type === 'FOLLOWED').map(pair);
    expect(followed.filter((p) => caused.has(p))).toEqual([]);
  });

  it.each(FILES)(
    '%s points FOLLOWED from the later to the earlier, CAUSED from cause to effect',
    (file) => {
      const plan = planOf(file);
      const start = (id: string) => {
        const found = plan.entities.find((e) => e.id === id)?.properties;
        return (found?.dateStart ?? found?.startStart) as string | undefined;
      };
      for (const link of plan.links.filter((l) => l.type === 'FOLLOWED' || l.type === 'CAUSED')) {
        const [later, earlier] =
          link.type === 'FOLLOWED' ? [link.from, link.to] : [link.to, link.from];
        const [a, b] = [start(later), start(earlier)];
        if (a && b) expect(a >= b, `${link.from} -${link.type}-> ${link.to}`).toBe(true);
      }
    },
  );
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

describe("the audit's findings", () => {
  const all = () => FILES.map(planOf);
  const links = (type: LinkRow['type']) =>
    all().flatMap((p) => p.links.filter((l) => l.type === type));

  it('records no cause where the text gives only time or co-occurrence', () => {
    const caused = links('CAUSED').map((l) => `${l.from} -> ${l.to}`);
    for (const pair of [
      'six-day-war -> ussr-severs-ties-with-israel-1967',
      'russia-decides-to-deliver-s-300-to-syria -> s-300-handed-over-to-syria-2018',
      'pro-american-course -> ussr-israel-relations-worsen',
    ])
      expect(caused).not.toContain(pair);
    // The 1967 severance came after the war; the reason the text gives is solidarity.
    const followed = links('FOLLOWED').map((l) => `${l.from} -> ${l.to}`);
    expect(followed).toContain('ussr-severs-ties-with-israel-1967 -> six-day-war');
    expect(linked(planOf(TASS), 'SUPPORTS', 'ussr')).toContain('arab-countries');
  });

  it('gives no FOLLOWED link a role the text does not state (a response is a cause)', () => {
    for (const link of links('FOLLOWED'))
      expect(link.properties.role ?? '', `${link.from} -> ${link.to}`).not.toMatch(
        /respon|reaction|because/i,
      );
  });

  it('measures a duration figure against the periods it spans, which last as long as it says', () => {
    for (const plan of all()) {
      for (const figure of plan.entities.filter(
        (e) => e.kind === 'Figure' && e.properties.unit === 'years',
      )) {
        const periods = plan.links
          .filter((l) => l.type === 'MEASURES' && l.from === figure.id)
          .map((l) => entity(plan, l.to))
          .filter((e) => e.kind === 'StatusPeriod');
        if (periods.length === 0) continue;
        const start = Math.min(
          ...periods.map((p) => Date.parse(String(p.properties.validFromStart))),
        );
        const end = Math.max(...periods.map((p) => Date.parse(String(p.properties.validToStart))));
        const years = (end - start) / (365.25 * 24 * 3600 * 1000);
        expect(Math.abs(years - Number(figure.properties.value)), figure.id).toBeLessThan(1);
      }
    }
  });

  it('dates the Soviet disagreement with Israel nowhere, as the text gives no dates for it', () => {
    const opposes = planOf(TASS).links.find(
      (l) => l.type === 'OPPOSES' && l.from === 'ussr' && l.to === 'israel',
    );
    expect(opposes?.properties).toMatchObject({
      role: "disagreed with Israel's regional policies",
    });
    expect(opposes?.properties.validFrom).toBeUndefined();
    expect(opposes?.properties.validTo).toBeUndefined();
  });

  it('attributes to the Russian statements every fact of the Il-20 incident only they state', () => {
    const plan = planOf(TASS);
    for (const statement of [
      'russian-top-brass-statement-on-il-20',
      'konashenkov-statement-on-il-20',
    ]) {
      const sentence = entity(plan, statement).quotes[0] as string;
      const said = plan.document.text
        .split(/(?<=\.)\s+/)
        .find((s) => s.includes(sentence)) as string;
      // Who speaks, and what the document says of them, is the document's own statement.
      const speakers = new Set([statement, ...linkedTo(plan, 'PARTICIPATED_IN', statement)]);
      const facts = [...plan.entities, ...plan.links].filter(
        (fact) =>
          fact.quotes.length > 0 &&
          fact.quotes.every((q) => said.includes(q)) &&
          !('from' in fact && (speakers.has(fact.from) || fact.to === statement)) &&
          !('id' in fact && speakers.has(fact.id)),
      );
      expect(facts.length, statement).toBeGreaterThan(0);
      for (const fact of facts) {
        const name = 'id' in fact ? fact.id : `${fact.from} -${fact.type}-> ${fact.to}`;
        expect.soft(fact.properties.accordingTo, name).toBeTruthy();
      }
    }
    for (const id of ['latakia', 'f-16'])
      expect(entity(plan, id).properties.accordingTo).toBe('russian-top-brass-statement-on-il-20');
  });

  it('links what was handed over or downed as items OF_TYPE their type, never as the type', () => {
    for (const plan of all()) {
      const types = new Set(plan.links.filter((l) => l.type === 'OF_TYPE').map((l) => l.to));
      for (const link of plan.links.filter((l) =>
        ['SUPPLIED', 'DOWNED_BY', 'TARGETED', 'ATTACKED'].includes(l.type),
      ))
        expect(types.has(link.to), `${link.from} -${link.type}-> ${link.to}`).toBe(false);
      for (const event of plan.entities.filter((e) => e.properties.category === 'delivery')) {
        for (const link of plan.links.filter((l) => l.from === event.id && l.type === 'CONCERNS'))
          expect(types.has(link.to), `${event.id} concerns ${link.to}`).toBe(false);
      }
    }
  });

  it('states a link two documents share alike, so the graph holds one link for one fact', () => {
    const seen = new Map<string, { role: unknown; doc: string }>();
    for (const plan of all()) {
      for (const link of plan.links) {
        const when = ['date', 'validFrom', 'validTo']
          .map((d) => link.properties[d] ?? '')
          .join('@');
        const key = `${link.type}|${link.from}|${link.to}|${when}`;
        const other = seen.get(key);
        if (other && other.doc !== plan.document.id)
          expect(link.properties.role ?? null, key).toBe(other.role ?? null);
        seen.set(key, { role: link.properties.role ?? null, doc: plan.document.id });
      }
    }
  });

  it('cites for every status period a quote that states its status', () => {
    const words = {
      full: /full/i,
      severed: /sever/i,
      consular: /consular/i,
      suspended: /suspend/i,
    };
    for (const plan of all()) {
      for (const period of plan.entities.filter((e) => e.kind === 'StatusPeriod')) {
        const status = period.properties.status as keyof typeof words;
        expect(
          period.quotes.some((q) => words[status].test(q) || /restored|established/.test(q)),
          period.id,
        ).toBe(true);
      }
    }
  });

  it('makes the victory over Nazi Germany part of World War II, so its memory reaches the war', () => {
    const plan = planOf(TIMELINE);
    expect(linked(plan, 'PART_OF', 'victory-over-nazi-germany')).toContain('world-war-ii');
    const note = plan.links.find(
      (l) => l.type === 'PART_OF' && l.from === 'victory-over-nazi-germany',
    )?.note;
    expect(note).toMatch(/inferred/i);
  });

  it('names a UN organ only when a quote names it, and sources figures from quotes holding them', () => {
    for (const plan of all()) {
      for (const resolution of plan.entities.filter((e) => e.kind === 'UNResolution')) {
        const organ = resolution.properties.organ;
        if (organ) expect(resolution.quotes.join(' '), resolution.id).toContain(String(organ));
      }
      for (const link of plan.links.filter((l) => l.type === 'SOURCED_FROM')) {
        const figure = entity(plan, link.from);
        if (figure.kind !== 'Figure') continue;
        const value = String(
          figure.properties.valueAsWritten ?? Math.abs(Number(figure.properties.value)),
        );
        const held = link.quotes.some((q) => q.includes(value));
        expect(held || /inferred/i.test(link.note ?? ''), `${link.from} -> ${link.to}`).toBe(true);
      }
    }
  });

  it('holds as properties and links what was only in free text: first, last, the agenda', () => {
    expect(entity(planOf(TIMELINE), 'putin-visit-to-holy-land-2005').properties.ordinal).toBe(
      'first',
    );
    expect(entity(planOf(TASS), 'netanyahu-visit-to-moscow-2019-02').properties.ordinal).toBe(
      'first',
    );
    const office = planOf(TIMELINE).links.find(
      (l) => l.type === 'HELD_OFFICE' && l.from === 'boris-pankov',
    );
    expect(office?.properties.ordinal).toBe('last');
    expect([...linked(planOf(TASS), 'CONCERNS', 'syrian-civil-conflict')]).toEqual(
      expect.arrayContaining(['russia', 'israel']),
    );
  });

  it('codes every event and incident with a CAMEO code of the codebook', () => {
    for (const plan of all()) {
      for (const e of plan.entities.filter((x) => x.kind === 'Event' || x.kind === 'Incident'))
        expect(e.properties.cameo, e.id).toMatch(/^\d{2,4}$/);
    }
  });
});
