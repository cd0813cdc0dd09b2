/**
 * Synthetic graph generator for the benchmark: deterministic for a seed, pure until written.
 *
 * A "unit" is shaped like the seed graph (~170 entities, ~460 links): countries (re-declared in
 * every document that mentions them, as the source format requires), people with HELD_OFFICE,
 * treaties with PARTY_TO from two countries, events and incidents with PARTICIPATED_IN, places,
 * organisations, UN resolutions, and diplomatic status periods (BETWEEN, OPENED). Every fact cites
 * a sentence of the document's text, generated from the facts, so every quote is verbatim.
 * Scale s = s units; units are grouped into documents of at most UNITS_PER_DOC units.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const UNITS_PER_DOC = 3;
export const PER_UNIT = {
  people: 35,
  treaties: 25,
  events: 45,
  incidents: 25,
  resolutions: 5,
  places: 10,
  organizations: 5,
  pairs: 3,
  periodsPerPair: 3,
} as const;

/** Countries in the whole graph: 5 per unit (at least 8), at most 200 (about the world's). */
export function countryCount(scale: number): number {
  return Math.max(REGION, Math.min(200, 5 * scale));
}

/** How many countries one unit mentions (a region). */
const REGION = 8;

export interface GeneratedFile {
  /** File name of the YAML source file; the text is `<name without .yaml>.txt`. */
  name: string;
  yaml: string;
  text: string;
}

export interface Corpus {
  scale: number;
  seed: number;
  files: GeneratedFile[];
  entities: number;
  links: number;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SYLLABLES = [
  'al',
  'bar',
  'cor',
  'dan',
  'el',
  'fen',
  'gor',
  'hal',
  'ir',
  'jan',
  'kel',
  'lor',
  'mar',
  'nor',
  'ost',
  'pel',
  'quin',
  'ras',
  'sel',
  'tor',
  'ul',
  'var',
  'wen',
  'yar',
  'zan',
  'bel',
  'dor',
  'ka',
  'li',
  'mo',
  'ne',
  'ri',
  'sa',
  'te',
  'vi',
];
const OFFICES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Ambassador',
  'Defence Minister',
];
const SUBJECTS = [
  'trade',
  'fisheries',
  'visas',
  'air transport',
  'culture',
  'science',
  'energy',
  'customs',
  'double taxation',
  'tourism',
  'health',
  'education',
  'border',
  'investment',
  'shipping',
];
const TREATY_KINDS = ['Agreement', 'Treaty', 'Accord', 'Protocol', 'Memorandum', 'Convention'];
const EVENT_CATEGORIES = [
  'visit',
  'visit',
  'visit',
  'meeting',
  'meeting',
  'statement',
  'negotiation',
  'announcement',
  'agreement',
  'decision',
  'delivery',
  'anniversary',
] as const;
const INCIDENT_KINDS = [
  'border clash',
  'air incident',
  'naval incident',
  'cyber attack',
  'expulsion',
];
/** The CAMEO code each generated category or incident kind is given. */
const CAMEO_OF: Record<string, string> = {
  visit: '042',
  meeting: '040',
  statement: '010',
  negotiation: '046',
  announcement: '010',
  agreement: '057',
  decision: '014',
  delivery: '070',
  anniversary: '017',
  'border clash': '190',
  'air incident': '195',
  'naval incident': '190',
  'cyber attack': '171',
  expulsion: '166',
};
const STATUSES = ['full', 'severed', 'consular', 'suspended'] as const;
const PLACE_KINDS = ['city', 'port', 'province', 'valley', 'island'];

function word(rng: Rng, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The name of country `i`, deterministic for the seed (not the unit): every document agrees. */
function countryName(seed: number, i: number): string {
  const rng = new Rng(seed * 7919 + i * 104729 + 1);
  return `${word(rng, 2)}ia ${i}`;
}

// ---------------------------------------------------------------------------------------------
// One unit of facts

interface Entity {
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  description: string;
  cite: string;
  [field: string]: unknown;
}

interface Link {
  type: string;
  from: string;
  to: string;
  role?: string;
  date?: string;
  validFrom?: string;
  validTo?: string;
  cite: string;
}

interface UnitFacts {
  entities: Entity[];
  links: Link[];
  /** Countries the unit mentions, by index. */
  countries: number[];
  sentences: string[];
}

function unitFacts(seed: number, scale: number, unit: number): UnitFacts {
  const rng = new Rng(seed * 1_000_003 + unit * 7_777 + 17);
  const total = countryCount(scale);
  const region = Array.from({ length: Math.min(REGION, total) }, (_, k) => (unit * 5 + k) % total);
  const entities: Entity[] = [];
  const links: Link[] = [];
  const sentences: string[] = [];
  const used = new Set<number>();
  const country = (k: number) => {
    const i = region[k % region.length] as number;
    used.add(i);
    return i;
  };
  const cid = (i: number) => `country-${i}`;
  const cname = (i: number) => countryName(seed, i);
  const say = (sentence: string) => {
    sentences.push(`${sentence}.`);
    return sentence;
  };
  const u = unit;

  // Places, each in a country.
  const places: string[] = [];
  for (let i = 0; i < PER_UNIT.places; i++) {
    const id = `place-${u}-${i}`;
    const c = country(rng.int(0, REGION - 1));
    const name = `${word(rng, 2)} ${rng.pick(PLACE_KINDS)} ${u}-${i}`;
    entities.push({
      id,
      kind: 'Place',
      name,
      description: `A place in ${cname(c)}.`,
      cite: say(`${name} lies in ${cname(c)}`),
    });
    links.push({ type: 'LOCATED_IN', from: id, to: cid(c), cite: `${name} lies in ${cname(c)}` });
    places.push(id);
  }

  // Organisations, with two member countries.
  for (let i = 0; i < PER_UNIT.organizations; i++) {
    const id = `org-${u}-${i}`;
    const name = `${word(rng, 2)} ${rng.pick(['Council', 'Union', 'Forum', 'Pact'])} ${u}-${i}`;
    entities.push({
      id,
      kind: 'Organization',
      category: 'regional organisation',
      name,
      description: 'A regional organisation.',
      cite: say(`${name} is a regional organisation`),
    });
    for (const k of [i, i + 3]) {
      const c = country(k);
      const quote = say(`${cname(c)} is a member of ${name}`);
      links.push({ type: 'MEMBER_OF', from: cid(c), to: id, cite: quote });
    }
  }

  // People, each holding an office of one country for a period.
  const people: { id: string; country: number }[] = [];
  for (let i = 0; i < PER_UNIT.people; i++) {
    const id = `person-${u}-${i}`;
    const name = `${word(rng, 2)} ${word(rng, 3)}`;
    const c = country(rng.int(0, REGION - 1));
    const office = rng.pick(OFFICES);
    const from = rng.int(1950, 2015);
    const to = from + rng.int(1, 8);
    entities.push({
      id,
      kind: 'Person',
      name,
      aliases: [`${name.split(' ')[1]} ${u}-${i}`],
      description: `A politician of ${cname(c)}.`,
      cite: say(`${name} is a politician of ${cname(c)}`),
    });
    const quote = say(`${name} served as ${office} of ${cname(c)} from ${from} to ${to}`);
    links.push({
      type: 'HELD_OFFICE',
      from: id,
      to: cid(c),
      role: office,
      validFrom: String(from),
      validTo: String(to),
      cite: quote,
    });
    people.push({ id, country: c });
  }

  // Treaties, each with two party countries.
  for (let i = 0; i < PER_UNIT.treaties; i++) {
    const id = `treaty-${u}-${i}`;
    const a = country(rng.int(0, REGION - 1));
    let b = country(rng.int(0, REGION - 1));
    if (b === a) b = country(region.indexOf(a) + 1);
    const subject = rng.pick(SUBJECTS);
    const name = `${cname(a)}-${cname(b)} ${rng.pick(TREATY_KINDS)} on ${subject} ${u}-${i}`;
    const signed = day(rng.int(1950, 2020), rng.int(1, 12), rng.int(1, 28));
    const quote = say(`On ${signed} ${cname(a)} and ${cname(b)} signed the ${name}`);
    entities.push({
      id,
      kind: 'Treaty',
      name,
      subject,
      signed,
      description: `An agreement on ${subject}.`,
      cite: quote,
    });
    for (const c of [a, b]) {
      links.push({ type: 'PARTY_TO', from: cid(c), to: id, role: 'signatory', cite: quote });
    }
  }

  // Events: two countries and a person take part; located in a place; consecutive ones follow.
  const events: string[] = [];
  for (let i = 0; i < PER_UNIT.events; i++) {
    const id = `event-${u}-${i}`;
    const category = rng.pick(EVENT_CATEGORIES);
    const a = country(rng.int(0, REGION - 1));
    let b = country(rng.int(0, REGION - 1));
    if (b === a) b = country(region.indexOf(a) + 1);
    const person = rng.pick(people);
    const year = rng.int(1950, 2020);
    const date = rng.chance(0.1)
      ? `${year}-${pad(rng.int(1, 12))}`
      : day(year, rng.int(1, 12), rng.int(1, 28));
    const name = `${cname(a)}-${cname(b)} ${category} ${u}-${i}`;
    const quote = say(
      `On ${date} ${cname(a)} and ${cname(b)} held the ${name}, attended by ${person.id}`,
    );
    entities.push({
      id,
      kind: 'Event',
      category,
      cameo: CAMEO_OF[category],
      date,
      name,
      description: `A ${category} between ${cname(a)} and ${cname(b)}.`,
      cite: quote,
    });
    links.push({ type: 'PARTICIPATED_IN', from: cid(a), to: id, role: 'host', cite: quote });
    links.push({ type: 'PARTICIPATED_IN', from: cid(b), to: id, role: 'guest', cite: quote });
    links.push({ type: 'PARTICIPATED_IN', from: person.id, to: id, role: 'delegate', cite: quote });
    const place = rng.pick(places);
    const where = say(`The ${name} took place at ${place}`);
    links.push({ type: 'LOCATED_IN', from: id, to: place, cite: where });
    const previous = events.at(-1);
    if (previous) {
      const after = say(`The ${name} followed ${previous}`);
      links.push({ type: 'FOLLOWED', from: id, to: previous, cite: after });
    }
    events.push(id);
  }

  // Incidents: one or two countries and a person.
  for (let i = 0; i < PER_UNIT.incidents; i++) {
    const id = `incident-${u}-${i}`;
    const kind = rng.pick(INCIDENT_KINDS);
    const a = country(rng.int(0, REGION - 1));
    const person = rng.pick(people);
    const date = day(rng.int(1950, 2020), rng.int(1, 12), rng.int(1, 28));
    const name = `${cname(a)} ${kind} ${u}-${i}`;
    const quote = say(`On ${date} the ${name} involved ${cname(a)} and ${person.id}`);
    entities.push({
      id,
      kind: 'Incident',
      cameo: CAMEO_OF[kind],
      date,
      name,
      description: `A ${kind} involving ${cname(a)}.`,
      cite: quote,
    });
    links.push({ type: 'PARTICIPATED_IN', from: cid(a), to: id, role: 'party', cite: quote });
    links.push({ type: 'PARTICIPATED_IN', from: person.id, to: id, role: 'actor', cite: quote });
    if (rng.chance(0.5)) {
      const b = country(region.indexOf(a) + 1);
      const also = say(`${cname(b)} was also involved in the ${name}`);
      links.push({ type: 'PARTICIPATED_IN', from: cid(b), to: id, role: 'party', cite: also });
    }
  }

  // UN resolutions concerning a country.
  for (let i = 0; i < PER_UNIT.resolutions; i++) {
    const id = `resolution-${u}-${i}`;
    const number = String(1000 + u * PER_UNIT.resolutions + i);
    const c = country(rng.int(0, REGION - 1));
    const date = day(rng.int(1950, 2020), rng.int(1, 12), rng.int(1, 28));
    const name = `UN Security Council Resolution ${number}`;
    const quote = say(
      `On ${date} the Security Council adopted resolution ${number} on ${cname(c)}`,
    );
    entities.push({
      id,
      kind: 'UNResolution',
      number,
      organ: 'Security Council',
      date,
      name,
      description: `A resolution on ${cname(c)}.`,
      cite: quote,
    });
    links.push({ type: 'CONCERNS', from: id, to: cid(c), cite: quote });
  }

  // Status periods: consecutive periods for a few pairs, each opened by an event.
  for (let p = 0; p < PER_UNIT.pairs; p++) {
    const a = country(p * 2);
    const b = country(p * 2 + 1);
    let year = rng.int(1945, 1960);
    for (let k = 0; k < PER_UNIT.periodsPerPair; k++) {
      const id = `status-${u}-${p}-${k}`;
      const status = rng.pick(STATUSES);
      const from = day(year, rng.int(1, 12), rng.int(1, 28));
      year += rng.int(5, 25);
      const last = k === PER_UNIT.periodsPerPair - 1;
      const to = last ? undefined : day(year, 1, 1);
      const name = `${cname(a)}-${cname(b)} relations ${status} ${u}-${p}-${k}`;
      const quote = say(
        `From ${from}${to ? ` to ${to}` : ''} relations between ${cname(a)} and ${cname(b)} were ${status}`,
      );
      entities.push({
        id,
        kind: 'StatusPeriod',
        status,
        validFrom: from,
        ...(to ? { validTo: to } : {}),
        name,
        description: `Diplomatic relations were ${status}.`,
        cite: quote,
      });
      links.push({ type: 'BETWEEN', from: id, to: cid(a), cite: quote });
      links.push({ type: 'BETWEEN', from: id, to: cid(b), cite: quote });
      const opener = events[(p * PER_UNIT.periodsPerPair + k) % events.length] as string;
      const opened = say(`The ${status} period ${u}-${p}-${k} was opened by ${opener}`);
      links.push({ type: 'OPENED', from: opener, to: id, cite: opened });
    }
  }
  return { entities, links, countries: [...used].sort((x, y) => x - y), sentences };
}

// ---------------------------------------------------------------------------------------------
// Documents

function documentFile(seed: number, scale: number, doc: number, units: number[]): GeneratedFile {
  const id = `bench-${seed}-doc-${String(doc).padStart(4, '0')}`;
  const title = `Synthetic report ${doc}`;
  const facts = units.map((u) => unitFacts(seed, scale, u));
  const countries = [...new Set(facts.flatMap((f) => f.countries))].sort((a, b) => a - b);
  const lines: string[] = [title, ''];
  const countryEntities: Entity[] = countries.map((i) => {
    const name = countryName(seed, i);
    const sentence = `${name} is a sovereign state`;
    lines.push(`${sentence}.`);
    return {
      id: `country-${i}`,
      kind: 'Country',
      name,
      aliases: [`State ${i}`],
      description: `A sovereign state, number ${i}.`,
      cite: sentence,
    };
  });
  for (const f of facts) {
    // Paragraphs of a few sentences, as a report would have.
    for (let i = 0; i < f.sentences.length; i += 5)
      lines.push(f.sentences.slice(i, i + 5).join(' '));
  }
  const source = {
    document: {
      id,
      title,
      publisher: 'Bench Generator',
      kind: 'synthetic report',
      language: 'en',
      source: `${id}.txt`,
      nonFactual: [title],
    },
    entities: [...countryEntities, ...facts.flatMap((f) => f.entities)],
    links: facts.flatMap((f) => f.links),
  };
  return {
    name: `${id}.yaml`,
    yaml: stringify(source, { lineWidth: 0 }),
    text: `${lines.join('\n')}\n`,
  };
}

/** How many documents a scale has. */
export const documentCount = (scale: number) => Math.ceil(scale / UNITS_PER_DOC);

/** The documents of a scale, one at a time: memory stays that of one document at any scale. */
export function* generateDocuments(scale: number, seed = 1): Generator<GeneratedFile> {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError('scale must be an integer >= 1');
  for (let doc = 0; doc * UNITS_PER_DOC < scale; doc++) {
    const units = Array.from({ length: UNITS_PER_DOC }, (_, k) => doc * UNITS_PER_DOC + k).filter(
      (u) => u < scale,
    );
    yield documentFile(seed, scale, doc, units);
  }
}

/** Distinct entities and links of a scale: countries once, the rest per unit. */
export function corpusSize(scale: number, seed = 1): { entities: number; links: number } {
  let entities = 0;
  let links = 0;
  const countries = new Set<number>();
  for (let u = 0; u < scale; u++) {
    const f = unitFacts(seed, scale, u);
    entities += f.entities.length;
    links += f.links.length;
    for (const c of f.countries) countries.add(c);
  }
  return { entities: entities + countries.size, links };
}

/** The whole corpus for a scale and seed: pure, the same for the same arguments. */
export function generateCorpus(scale: number, seed = 1): Corpus {
  const files = [...generateDocuments(scale, seed)];
  return { scale, seed, files, ...corpusSize(scale, seed) };
}

/** Writes the corpus (YAML + text per document) into `dir`; returns the YAML paths in order. */
export async function writeCorpus(dir: string, corpus: Corpus): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of corpus.files) {
    const path = join(dir, file.name);
    await writeFile(path, file.yaml);
    await writeFile(join(dir, file.name.replace(/\.yaml$/, '.txt')), file.text);
    paths.push(path);
  }
  return paths;
}

export function searchSamples(seed: number): string[] {
  const people = unitFacts(seed, 1, 0).entities.filter((e) => e.kind === 'Person');
  const last = (i: number) => (people[i]?.name ?? '').split(' ')[1] ?? '';
  const country = (i: number) => countryName(seed, i).split(' ')[0] ?? '';
  return [
    last(3),
    `${country(1)} visit`,
    // One wrong letter: the fuzzy clause still finds it.
    `${last(11).slice(0, -1)}x`,
    `${country(2)} trade agreement`,
  ];
}
