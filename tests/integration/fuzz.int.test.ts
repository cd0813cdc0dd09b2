/**
 * Throws a few thousand generated bad requests at the running server over real HTTP and checks that
 * it never answers 5xx, always says what was wrong (never the masked "Unexpected error."), still
 * answers afterwards, and changed nothing in the graph.
 *
 * Deterministic: request #i is generated from its own PRNG seeded by (FUZZ_SEED, i), so a failure
 * names a request that the same seed reproduces whatever the concurrency. FUZZ_REQUESTS and
 * FUZZ_SEED override the defaults; FUZZ_DUMP=<file> writes every request and answer as JSON lines.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TestHelper } from '../helpers/test-helper.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_917);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 30_000;
const MASKED = 'Unexpected error.';

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32) and the choices the generators make with it.

class Random {
  private state: number;

  constructor(...seeds: number[]) {
    // Mixes the seeds into 32 bits (FNV-1a over their bytes), so (seed, i) and (seed, i + 1) differ.
    let h = 0x811c9dc5;
    for (const seed of seeds) {
      for (let shift = 0; shift < 32; shift += 8) {
        h ^= (seed >>> shift) & 0xff;
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
    this.state = h;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[weight, value], …]. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((sum, [w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [w, value] of items) {
      at -= w;
      if (at < 0) return value;
    }
    return (items.at(-1) as readonly [number, T])[1];
  }

  /** A string of `length` characters from a mix of ASCII, syntax, control and non-Latin ones. */
  text(length: number): string {
    const alphabets = [
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ -_',
      '{}[]()"\'`\\/:;,.!?*~^&|+=<>$#@%',
      '\u0000\u0001\t\n\r\u001f\u007f',
      'йцукенгшщзхъфывапролджэячсмитьбю',
      'ÀÉÎÕÜçñøßœ',
      'שלוםעברית',
      '\u2028\u2029\u200b\ufeff\ufffd',
    ];
    let out = '';
    while (out.length < length) {
      const alphabet = this.pick(alphabets);
      const run = Math.min(length - out.length, this.int(1, 12));
      for (let i = 0; i < run; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    }
    if (this.chance(0.05)) out += this.pick(['\ud800', '\udfff', '😀', '🇷🇺']);
    return out;
  }

  /** A length for a "huge" string: mostly large, sometimes up to about 1 MB. */
  hugeLength(): number {
    return this.pick([1_000, 10_000, 20_000, 100_001, 300_000, 1_000_000]);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests, their outcomes, and what is wrong with an outcome.

interface FuzzRequest {
  index: number;
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Outcome {
  request: FuzzRequest;
  /** 0 when no response came (connection error or timeout). */
  status: number;
  contentType: string;
  text: string;
  ms: number;
  failure?: string;
}

/** Fixtures read from the seeded graph: real slugs, so that bad arguments meet real data. */
interface Fixtures {
  countries: string[];
  entities: { slug: string; kind: string }[];
}

const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
};
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const lit = (text: string) => JSON.stringify(text);

const INJECTIONS = [
  '"',
  '""',
  '~',
  '~2',
  '*',
  '?',
  'russ*',
  '*ussia',
  'AND OR NOT',
  'AND',
  'NOT russia',
  'russia AND israel',
  'russia OR',
  '\\',
  '\\\\',
  '}) RETURN n //',
  '"}) RETURN n //',
  "' OR 1=1",
  "' OR 1=1 --",
  '1; MATCH (n) DETACH DELETE n',
  '"}) DETACH DELETE n //',
  "') CALL db.index.fulltext.drop('entity_search') //",
  'name:russia',
  'id:*',
  '+russia -israel',
  '(russia',
  'russia)',
  '[a TO z]',
  '{a TO z}',
  '/reg.*ex/',
  '&&',
  '||',
  '!',
  '^2',
  'russia^1000000',
  'russia~0.5',
  '"russia israel"~10',
  '$text',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder, as text
  '${text}',
  '%00',
  '\u0000',
  ' ',
  '\t\n',
  '',
  '🇷🇺',
  'Нетаньяху',
  'İSTANBUL',
];

const BAD_SLUGS = [
  '',
  ' ',
  'nope',
  'RUSSIA',
  'Russia',
  'russia ',
  ' russia',
  'russia\u0000',
  'russia\n',
  '../russia',
  'russia/',
  'Country:russia',
  b64('Country:russia'),
  'null',
  'undefined',
  '0',
  '-1',
  '$slug',
  '{id}',
  '%',
  '_',
  '.*',
  '🇷🇺',
  'россия',
  ...INJECTIONS,
];

const BAD_DATES = [
  '2019-13-45',
  '2019-02-30',
  '2019-02-29',
  'yesterday',
  'today',
  '',
  ' ',
  '2019-00-10',
  '2019-12-00',
  '2019-12-32',
  '2019-1-1',
  '19-01-01',
  '20190101',
  '2019/01/01',
  '01-01-2019',
  '2019-01-01T00:00:00Z',
  '2019-01-01 12:00',
  '-2019-01-01',
  '+002019-01-01',
  '0000-00-00',
  '99999-01-01',
  '1e10',
  'NaN',
  'Infinity',
  '2019-spring-01',
  '2019-fal',
  '2019-FALL',
  '~~2019',
  '~',
  '2019~',
  '２０１９-01-01',
  '2019-01-01\u0000',
  "2019-01-01' OR 1=1",
  '2019-01-01"}) RETURN n //',
];

const GOOD_DATES = ['1948', '1953-02', '1991-10-18', '2015-fall', '~1948-05-25', '2020-02-29'];

const PAGE_SIZES = [
  '-1',
  '0',
  '101',
  '1000',
  '1e10',
  '2147483647',
  '2147483648',
  '-2147483649',
  '99999999999999999999',
  '1.5',
  '-0',
  '"10"',
  'true',
  'null',
  '[1]',
  '{n: 1}',
  'TEN',
  '1',
  '20',
  '100',
];

/** Pothos's offset cursors are base64 of "OffsetConnection:<offset>". */
const cursor = (offset: string) => b64(`OffsetConnection:${offset}`);

const BAD_CURSORS = [
  'garbage',
  '',
  ' ',
  '====',
  '!!!',
  'T2Zmc2V0Q29ubmVjdGlvbjow',
  cursor('-5'),
  cursor('-1'),
  cursor('1e308'),
  cursor('99999999999999999999'),
  cursor('9'.repeat(400)),
  cursor('9007199254740993'),
  cursor('2147483648'),
  cursor(''),
  cursor('abc'),
  cursor('3.5'),
  cursor('0x10'),
  cursor(' 3'),
  cursor('3"}) RETURN n //'),
  cursor('3'),
  cursor('0'),
  cursor('10000'),
  b64('arrayconnection:3'),
  b64('nope:3'),
  b64('Country:russia'),
];

function badGlobalIds(rng: Random, fixtures: Fixtures): string[] {
  const entity = rng.pick(fixtures.entities);
  const otherKind = rng.pick(['Country', 'Person', 'Treaty', 'Event', 'Figure', 'StatusPeriod']);
  return [
    b64('Country:nope'),
    b64(`${otherKind}:${entity.slug}`),
    b64(`${entity.kind}:${entity.slug}`),
    b64(`Nope:${entity.slug}`),
    b64(`Document:${entity.slug}`),
    b64('Document:nope'),
    b64('Query:x'),
    b64('PageInfo:1'),
    b64('Entity:russia'),
    b64('Node:russia'),
    b64('Country:'),
    b64(':russia'),
    b64(':'),
    b64('Country'),
    b64(''),
    b64('Country:russia:extra'),
    b64(`Country:${rng.pick(INJECTIONS)}`),
    b64(`${rng.pick(INJECTIONS)}:russia`),
    b64(rng.text(rng.int(1, 40))),
    Buffer.from(Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 255))).toString('base64'),
    b64('Country:russia').replace(/=+$/, ''),
    b64('Country:russia').replace(/\+/g, '-').replace(/\//g, '_'),
    'garbage',
    '!!!!',
    '====',
    '%%%',
    ' ',
    '',
    'Country:russia',
    rng.text(rng.int(1, 30)),
    b64(`Country:${'x'.repeat(rng.pick([100, 10_000]))}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Argument values, as GraphQL literal text.

function slugLiteral(rng: Random, fixtures: Fixtures): string {
  return rng.weighted<() => string>([
    [3, () => lit(rng.pick(fixtures.entities).slug)],
    [2, () => lit(rng.pick(fixtures.countries))],
    [4, () => lit(rng.pick(BAD_SLUGS))],
    [2, () => lit(rng.text(rng.int(1, 40)))],
    [0.3, () => lit('x'.repeat(rng.hugeLength()))],
    [1, () => rng.pick(['5', 'null', 'true', 'russia', '["russia"]', '{a: 1}', '$nope', '1.5'])],
  ])();
}

function countryLiteral(rng: Random, fixtures: Fixtures): string {
  return rng.chance(0.6) ? lit(rng.pick(fixtures.countries)) : slugLiteral(rng, fixtures);
}

function dateLiteral(rng: Random): string {
  return rng.weighted<() => string>([
    [6, () => lit(rng.pick(BAD_DATES))],
    [2, () => lit(rng.pick(GOOD_DATES))],
    [1, () => lit(rng.text(rng.int(1, 20)))],
    [
      1,
      () => rng.pick(['20190101', '2019', 'null', 'true', '["2019-01-01"]', '{y: 2019}', 'TODAY']),
    ],
  ])();
}

function pageArgs(rng: Random): string {
  const args: string[] = [];
  if (rng.chance(0.6)) args.push(`first: ${rng.pick(PAGE_SIZES)}`);
  if (rng.chance(0.25)) args.push(`last: ${rng.pick(PAGE_SIZES)}`);
  if (rng.chance(0.4)) args.push(`after: ${lit(rng.pick(BAD_CURSORS))}`);
  if (rng.chance(0.2)) args.push(`before: ${lit(rng.pick(BAD_CURSORS))}`);
  if (rng.chance(0.05)) args.push(`after: ${rng.pick(['5', 'null', 'true', '[]'])}`);
  return args.join(', ');
}

function kindsLiteral(rng: Random): string {
  return rng.pick([
    '[COUNTRY]',
    '[COUNTRY, PERSON]',
    '[]',
    '[NOPE]',
    '[Country]',
    'COUNTRY',
    '["COUNTRY"]',
    '[null]',
    'null',
    '[Entity]',
    '[Document]',
  ]);
}

const withArgs = (args: string[]) => {
  const present = args.filter((a) => a.length > 0);
  return present.length > 0 ? `(${present.join(', ')})` : '';
};

const ENTITY_SELECTION = 'id slug kind name';

// ---------------------------------------------------------------------------------------------
// Root fields with bad arguments: each returns one selection at the Query root.

type FieldMaker = (rng: Random, fixtures: Fixtures) => string;

const FIELDS: Record<string, FieldMaker> = {
  entity: (rng, f) =>
    `entity(id: ${slugLiteral(rng, f)}) { ${ENTITY_SELECTION} ... on Country { treaties${withArgs([
      pageArgs(rng),
    ])} { totalCount edges { cursor node { slug } } } } links${withArgs([pageArgs(rng)])} { totalCount } }`,
  node: (rng, f) =>
    `node(id: ${lit(rng.pick(badGlobalIds(rng, f)))}) { id ... on Entity { slug } }`,
  nodeNonString: (rng) =>
    `node(id: ${rng.pick(['5', '1.5', 'null', 'true', '[]', '{}', 'Country', '$id'])}) { id }`,
  nodes: (rng, f) => {
    const pool = badGlobalIds(rng, f);
    const count = rng.pick([0, 1, 3, 10, 50, 500]);
    const ids = Array.from({ length: count }, () => lit(rng.pick(pool)));
    return `nodes(ids: [${ids.join(', ')}]) { id ... on Entity { slug name } }`;
  },
  search: (rng) => {
    const text = rng.weighted<() => string>([
      [6, () => lit(rng.pick(INJECTIONS))],
      [2, () => lit(Array.from({ length: rng.int(2, 6) }, () => rng.pick(INJECTIONS)).join(' '))],
      [1, () => lit(rng.text(rng.int(1, 250)))],
      [0.5, () => lit('a '.repeat(rng.int(100, 5_000)))],
      [0.3, () => lit('x'.repeat(rng.hugeLength()))],
      [0.5, () => rng.pick(['5', 'null', 'RUSSIA', '["russia"]'])],
    ])();
    return `search${withArgs([`text: ${text}`, rng.chance(0.3) ? `kinds: ${kindsLiteral(rng)}` : '', pageArgs(rng)])} { totalCount pageInfo { hasNextPage endCursor } edges { cursor score node { slug } } }`;
  },
  timeline: (rng, f) => {
    const args = [
      rng.chance(0.7) ? `from: ${dateLiteral(rng)}` : '',
      rng.chance(0.4) ? `to: ${dateLiteral(rng)}` : '',
      rng.chance(0.3)
        ? `involving: [${Array.from({ length: rng.pick([1, 2, 11]) }, () => slugLiteral(rng, f)).join(', ')}]`
        : '',
      rng.chance(0.2) ? `kinds: ${kindsLiteral(rng)}` : '',
      pageArgs(rng),
    ];
    return `timeline${withArgs(args)} { totalCount edges { date { value start end } node { slug } } }`;
  },
  treaties: (rng, f) => {
    const args = [
      rng.chance(0.5) ? `party: ${slugLiteral(rng, f)}` : '',
      rng.chance(0.7) ? `signedFrom: ${dateLiteral(rng)}` : '',
      rng.chance(0.4) ? `signedTo: ${dateLiteral(rng)}` : '',
      pageArgs(rng),
    ];
    return `treaties${withArgs(args)} { totalCount edges { node { slug parties${withArgs([pageArgs(rng)])} { totalCount edges { node { slug } } } } } }`;
  },
  bilateralRelation: (rng, f) =>
    `bilateralRelation(a: ${countryLiteral(rng, f)}, b: ${countryLiteral(rng, f)}) { a { slug } b { slug } status(asOf: ${dateLiteral(rng)}) { status validFrom { value } validTo { value } } history { status } agreements${withArgs([pageArgs(rng)])} { totalCount } }`,
  path: (rng, f) =>
    `path${withArgs([`from: ${slugLiteral(rng, f)}`, `to: ${slugLiteral(rng, f)}`, rng.chance(0.6) ? `maxHops: ${rng.pick(PAGE_SIZES)}` : ''])} { length nodes { slug } edges { from to direction } }`,
  neighborhood: (rng, f) =>
    `neighborhood${withArgs([`id: ${slugLiteral(rng, f)}`, rng.chance(0.6) ? `depth: ${rng.pick(PAGE_SIZES)}` : '', rng.chance(0.5) ? `limit: ${rng.pick(PAGE_SIZES)}` : ''])} { truncated center { slug } nodes { slug } edges { id source target } }`,
  list: (rng) =>
    `${rng.pick(['countries', 'conflicts', 'events', 'incidents', 'people', 'places', 'organizations', 'equipment', 'figures'])}${withArgs([pageArgs(rng)])} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } }`,
  unResolutions: (rng, f) =>
    `unResolutions${withArgs([rng.chance(0.5) ? `number: ${lit(rng.pick(INJECTIONS))}` : '', rng.chance(0.5) ? `citedBy: ${slugLiteral(rng, f)}` : '', pageArgs(rng)])} { totalCount edges { node { slug } } }`,
};

const UNKNOWN_FIELDS = [
  '{ nope }',
  '{ __typename nope }',
  '{ entity(id: "russia") { nope } }',
  '{ entity(id: "russia") { slug ... on Country { nope } } }',
  '{ entity(id: "russia", bogus: 1) { slug } }',
  '{ entity { slug } }',
  '{ entity(id: "russia") }',
  '{ entity(id: "russia") { slug } }',
  '{ search(text: "russia", wat: true) { totalCount } }',
  '{ search { totalCount } }',
  '{ search(text: "russia") { edges { node { treaties { totalCount } } } } }',
  '{ bilateralRelation(a: "russia", b: "israel") { status { status } } }',
  '{ bilateralRelation(a: "russia", b: "israel", asOf: "2019-01-01") { a { slug } } }',
  '{ timeline(fromDate: "1948") { totalCount } }',
  '{ treaties(signed: "1994") { totalCount } }',
  '{ node(id: "x") { slug } }',
  '{ nodes { id } }',
  '{ path(from: "russia") { length } }',
  '{ neighborhood(slug: "russia") { truncated } }',
  '{ countries(offset: 5) { totalCount } }',
  '{ countries { totalCount { value } } }',
  '{ documents { nope } }',
  '{ Entity { slug } }',
  '{ __type(name: "Nope") { name } }',
  '{ __schema { nope } }',
  '{ ... on Nope { x } }',
  '{ ...Missing }',
  'fragment F on Query { __typename } { ...F ...G }',
  'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
  '{ __typename @nope }',
  '{ __typename @skip(if: "yes") }',
  '{ __typename @include }',
  '{ __typename @skip(if: true) @skip(if: false) }',
  'mutation { __typename }',
  'mutation { deleteEverything }',
  'subscription { __typename }',
  'query A { __typename } query A { __typename }',
  'query A { __typename } query B { __typename }',
  '{ a: __typename a: documents { slug } }',
  '{ entity(id: "russia") { slug } entity(id: "israel") { slug } }',
  'query ($x: Nope) { __typename }',
  'query ($x: String) { entity(id: $x) { slug } }',
  'query ($x: Int!) { entity(id: $x) { slug } }',
  'query ($x: ID!, $x: ID!) { entity(id: $x) { slug } }',
  '{ entity(id: $undeclared) { slug } }',
  'query { node(id: "eA==") { ... on Country { slug } ... on Person { slug: name } } }',
  '{ countries(first: 1) { edges { node { slug: name } } } }',
];

const SYNTAX_ERRORS = [
  '',
  ' ',
  '{',
  '}',
  '{ }',
  '{ entity(id: "russia" { slug } }',
  '{ entity(id: "russia") { slug }',
  '{ entity(id: russia") { slug } }',
  '{ entity(id: "rus\\qsia") { slug } }',
  '{ entity(id: "\\ud800") { slug } }',
  '{ entity(id: """unterminated) { slug } }',
  'query',
  'query Q(',
  'query Q($) { __typename }',
  '{ __typename } }',
  '{{{{{{{{{{',
  '#only a comment',
  'SELECT * FROM entities',
  'MATCH (n) DETACH DELETE n',
  '<script>alert(1)</script>',
  '{ 123 }',
  '{ entity(id: 1e) { slug } }',
  '{ entity(id: 0x10) { slug } }',
  '{ entity(id: "russia",,,) { slug } }',
  '\u0000{ __typename }',
  '{ __typename }\u0000',
];

/** A valid query to mutate: random edits of it make malformed but plausible documents. */
function validQuery(rng: Random, fixtures: Fixtures): string {
  const country = rng.pick(fixtures.countries);
  return rng.pick([
    `{ entity(id: ${lit(country)}) { slug name ... on Country { treaties(first: 5) { totalCount } } } }`,
    '{ search(text: "Netanyahu", first: 3) { totalCount edges { score node { slug } } } }',
    '{ timeline(from: "1948", first: 5) { edges { date { value } node { slug } } } }',
    '{ bilateralRelation(a: "russia", b: "israel") { status(asOf: "2019-01-01") { status } } }',
    '{ neighborhood(id: "russia", depth: 1, limit: 10) { nodes { slug } } }',
    '{ path(from: "russia", to: "israel") { length } }',
    '{ documents { slug title } }',
  ]);
}

/** Country → treaties → parties → treaties → …, `levels` times: far deeper than any limit. */
function deepQuery(levels: number): string {
  const open =
    '... on Country { treaties { edges { node { ... on Treaty { parties { edges { node { ';
  const close = '} } } } } } } } ';
  return `{ entity(id: "russia") { ${open.repeat(levels)}slug ${close.repeat(levels)}} }`;
}

function mutate(rng: Random, text: string): string {
  let out = text;
  const edits = rng.int(1, 4);
  const noise = '{}()[]":,$!@.#\\ \n';
  for (let e = 0; e < edits; e++) {
    const at = rng.int(0, out.length);
    const op = rng.int(0, 3);
    if (op === 0) out = out.slice(0, at) + out.slice(at + rng.int(1, 5));
    else if (op === 1) out = out.slice(0, at) + noise[rng.int(0, noise.length - 1)] + out.slice(at);
    else if (op === 2) out = out.slice(0, at);
    else out = out.slice(0, at) + rng.text(rng.int(1, 4)) + out.slice(at + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Request generators, by category.

const post = (body: string, headers: Record<string, string> = JSON_HEADERS) => ({
  method: 'POST',
  path: '/graphql',
  headers,
  body,
});
const postQuery = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  post(JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra }));

type Generated = Omit<FuzzRequest, 'index' | 'category'>;
type Generator = (rng: Random, fixtures: Fixtures) => Generated;

/** JSON values of every type, for variables that expect something else. */
const WRONG_VALUES: unknown[] = [
  5,
  -1,
  0,
  1.5,
  2 ** 31,
  1e10,
  Number.MAX_SAFE_INTEGER,
  -(2 ** 53),
  true,
  false,
  null,
  '',
  '10',
  'NaN',
  'russia',
  'Country',
  '2019-13-45',
  [],
  ['russia'],
  [null],
  [1, 2],
  [[['deep']]],
  {},
  { slug: 'russia' },
  { $gt: '' },
];

const VARIABLE_TEMPLATES: { query: string; name: string; extra?: unknown[] }[] = [
  { query: 'query Q($v: ID!) { entity(id: $v) { slug } }', name: 'v' },
  { query: 'query Q($v: Int) { countries(first: $v) { totalCount } }', name: 'v' },
  { query: 'query Q($v: String) { countries(after: $v) { totalCount } }', name: 'v' },
  {
    query:
      'query Q($v: PartialDate!) { bilateralRelation(a: "russia", b: "israel") { status(asOf: $v) { status } history { status } } }',
    name: 'v',
    extra: BAD_DATES,
  },
  {
    query: 'query Q($v: PartialDate) { timeline(from: $v) { totalCount } }',
    name: 'v',
    extra: BAD_DATES,
  },
  {
    query: 'query Q($v: PartialDate) { treaties(signedFrom: $v) { totalCount } }',
    name: 'v',
    extra: BAD_DATES,
  },
  {
    query: 'query Q($v: [EntityKind!]) { search(text: "russia", kinds: $v) { totalCount } }',
    name: 'v',
    extra: [['Country'], ['NOPE'], ['country'], ['Country', null]],
  },
  {
    query: 'query Q($v: String!) { search(text: $v) { totalCount } }',
    name: 'v',
    extra: INJECTIONS,
  },
  { query: 'query Q($v: ID!) { node(id: $v) { id } }', name: 'v' },
  { query: 'query Q($v: [ID!]!) { nodes(ids: $v) { id } }', name: 'v' },
  {
    query: 'query Q($v: Int) { neighborhood(id: "russia", depth: $v) { truncated } }',
    name: 'v',
  },
  { query: 'query Q($v: Int) { neighborhood(id: "russia", limit: $v) { truncated } }', name: 'v' },
  {
    query: 'query Q($v: Int) { path(from: "russia", to: "israel", maxHops: $v) { length } }',
    name: 'v',
  },
  { query: 'query Q($v: [ID!]) { timeline(involving: $v) { totalCount } }', name: 'v' },
  {
    query: 'query Q($v: ID!) { bilateralRelation(a: $v, b: "israel") { a { slug } } }',
    name: 'v',
    extra: BAD_SLUGS,
  },
];

const GENERATORS: Record<string, readonly [number, Generator]> = {
  malformedJson: [
    10,
    (rng, f) => {
      const valid = JSON.stringify({ query: validQuery(rng, f) });
      const body = rng.weighted<() => string>([
        [
          4,
          () =>
            rng.pick([
              '{',
              '}',
              '[',
              '{"query": }',
              '{"query": "{ __typename }"',
              '{"query": "{ __typename }",}',
              "{'query': '{ __typename }'}",
              '{query: "{ __typename }"}',
              'null',
              '[]',
              '[1, 2]',
              '"{ __typename }"',
              '123',
              'true',
              '',
              ' ',
              '{}',
              '{"query": 5}',
              '{"query": null}',
              '{"query": ["{ __typename }"]}',
              '{"query": {"a": 1}}',
              '{"query": true}',
              '{"variables": {}}',
              '{"query": "{ __typename }", "variables": "not json"}',
              '{"query": "{ __typename }", "variables": "{\\"a\\": 1}"}',
              '{"query": "{ __typename }", "variables": [1]}',
              '{"query": "{ __typename }", "variables": 5}',
              '{"query": "{ __typename }", "extensions": "x"}',
              '{"query": "{ __typename }", "extensions": [1]}',
              '{"query": "{ __typename }", "operationName": 5}',
              '{"query": "{ __typename }", "operationName": "Nope"}',
              '{"query": "{ __typename }", "operationName": {}}',
              '{"query": "{ __typename }"} trailing',
              '{"query": "{ __typename }"}{"query": "{ __typename }"}',
              '\ufeff{"query": "{ __typename }"}',
              '{"query": "{ __typename }", "query": "{ nope }"}',
              '{"query": "\\ud800"}',
              '{"query": "\\u0000"}',
              '{"__proto__": {"query": "{ __typename }"}}',
              '{"query": "{ __typename }", "__proto__": {"polluted": true}}',
              '{"constructor": {"prototype": {"polluted": true}}, "query": "{ __typename }"}',
              `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
              `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
              '[{"query": "{ __typename }"}, {"query": "{ documents { slug } }"}]',
              `{"query": "{ __typename }", "variables": {${Array.from({ length: 2_000 }, (_, i) => `"v${i}": ${i}`).join(',')}}}`,
            ]),
        ],
        [4, () => mutate(rng, valid)],
        [1, () => rng.text(rng.int(1, 200))],
        [
          0.5,
          () => Buffer.from(Array.from({ length: 64 }, () => rng.int(0, 255))).toString('latin1'),
        ],
      ])();
      return post(body);
    },
  ],
  contentType: [
    6,
    (rng, f) => {
      const query = validQuery(rng, f);
      const json = JSON.stringify({ query });
      const [contentType, body] = rng.pick<[string | null, string]>([
        ['text/plain', json],
        ['text/plain', query],
        ['application/xml', `<query>${query}</query>`],
        ['text/html', json],
        ['multipart/form-data; boundary=xyz', `--xyz\r\ngarbage\r\n--xyz--`],
        ['multipart/form-data', json],
        [
          'multipart/form-data; boundary=xyz',
          '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query": "{ __typename }"\r\n--xyz--',
        ],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
        ['application/x-www-form-urlencoded', 'query=%7B%%%'],
        ['application/x-www-form-urlencoded', json],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}&variables=%7B`],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}&extensions=nope`],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}&variables=5`],
        ['application/graphql', query],
        ['application/graphql', json],
        ['application/json; charset=utf-16', json],
        ['application/json; charset=latin1', json],
        ['application/json; charset=nope', json],
        ['application/jsonx', json],
        ['application/json, text/plain', json],
        [';;;', json],
        ['application/octet-stream', json],
        ['image/png', '\u0089PNG\r\n'],
        [`application/${'x'.repeat(2_000)}`, json],
        [null, json],
        ['application/json', query],
      ]);
      const accept = rng.pick([
        'application/graphql-response+json',
        'application/json',
        '*/*',
        'application/xml',
        'text/html',
        'application/graphql-response+json;q=0.9, application/json;q=0.8',
        'nope/nope',
        'text/event-stream',
        'multipart/mixed',
      ]);
      const headers: Record<string, string> = { accept };
      if (contentType !== null) headers['content-type'] = contentType;
      return post(body, headers);
    },
  ],
  method: [
    4,
    (rng, f) => {
      const query = rng.chance(0.5) ? validQuery(rng, f) : rng.pick(UNKNOWN_FIELDS);
      const params = new URLSearchParams();
      params.set('query', rng.chance(0.2) ? mutate(rng, query) : query);
      if (rng.chance(0.3)) params.set('variables', rng.pick(['{', 'null', '[]', '{"v": 1}', '5']));
      if (rng.chance(0.2)) params.set('operationName', rng.pick(['Nope', '', '5']));
      if (rng.chance(0.1)) params.set('extensions', rng.pick(['{', '[]', '"x"']));
      const method = rng.weighted<string>([
        [6, 'GET'],
        [1, 'PUT'],
        [1, 'DELETE'],
        [1, 'PATCH'],
      ]);
      const search = rng.chance(0.1)
        ? rng.pick([
            '',
            '?',
            '?query=',
            '?query',
            '?variables={}',
            '?query=%E0%A4%A',
            '?query=mutation%7B__typename%7D',
          ])
        : `?${params.toString()}`;
      const headers: Record<string, string> = {
        accept: rng.pick(['application/graphql-response+json', 'application/json']),
      };
      if (method !== 'GET') headers['content-type'] = 'application/json';
      return {
        method,
        path: `/graphql${search}`,
        headers,
        ...(method === 'GET' ? {} : { body: JSON.stringify({ query }) }),
      };
    },
  ],
  wrongVariableTypes: [
    12,
    (rng) => {
      const template = rng.pick(VARIABLE_TEMPLATES);
      const pool = [...WRONG_VALUES, ...(template.extra ?? [])];
      const variables = rng.weighted<() => unknown>([
        [8, () => ({ [template.name]: rng.pick(pool) })],
        [1, () => ({})],
        [1, () => ({ [template.name]: rng.pick(pool), other: rng.pick(pool) })],
        [0.5, () => ({ [template.name]: 'x'.repeat(rng.hugeLength()) })],
        [0.5, () => ({ [template.name]: Array.from({ length: 1_000 }, () => rng.pick(pool)) })],
      ])();
      return postQuery(template.query, variables, { operationName: 'Q' });
    },
  ],
  unknownFields: [8, (rng) => postQuery(rng.pick(UNKNOWN_FIELDS))],
  syntax: [
    6,
    (rng, f) =>
      postQuery(rng.chance(0.5) ? rng.pick(SYNTAX_ERRORS) : mutate(rng, validQuery(rng, f))),
  ],
  hugeStrings: [
    5,
    (rng, f) => {
      const huge = 'x'.repeat(rng.hugeLength());
      return rng.weighted<() => Generated>([
        [2, () => postQuery(`{ entity(id: ${lit(huge)}) { slug } }`)],
        [
          2,
          () => postQuery('query Q($v: String!) { search(text: $v) { totalCount } }', { v: huge }),
        ],
        [1, () => postQuery('query Q($v: ID!) { entity(id: $v) { slug } }', { v: huge })],
        [
          1,
          () =>
            postQuery('query Q($v: ID!) { node(id: $v) { id } }', { v: b64(`Country:${huge}`) }),
        ],
        [1, () => postQuery(`{ __typename } # ${huge}`)],
        [
          1,
          () =>
            postQuery(
              `{ ${Array.from({ length: rng.pick([100, 5_000, 50_000]) }, () => '__typename').join(' ')} }`,
            ),
        ],
        [1, () => postQuery(deepQuery(rng.int(2, 40)))],
        [1, () => postQuery(`query ${'Q'.repeat(huge.length)} { __typename }`)],
        [1, () => postQuery('{ __typename }', undefined, { operationName: huge })],
        [
          1,
          () =>
            postQuery(
              `{ ${Array.from({ length: rng.pick([20, 200]) }, (_, i) => `a${i}: entity(id: ${slugLiteral(rng, f)}) { slug }`).join(' ')} }`,
            ),
        ],
        [1, () => postQuery(`{ ${'a: __typename '.repeat(rng.pick([16, 1_000, 20_000]))} }`)],
        [1, () => postQuery(`{ __typename ${'@skip(if: false) '.repeat(rng.pick([60, 5_000]))} }`)],
      ])();
    },
  ],
  globalIds: [
    10,
    (rng, f) => {
      const ids = badGlobalIds(rng, f);
      if (rng.chance(0.4)) {
        return postQuery(
          'query Q($id: ID!) { node(id: $id) { id __typename ... on Entity { slug name } } }',
          { id: rng.pick(ids) },
        );
      }
      if (rng.chance(0.4)) {
        const list = Array.from({ length: rng.pick([1, 2, 5, 20, 100]) }, () => rng.pick(ids));
        return postQuery(
          'query Q($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Entity { slug } ... on Document { title } } }',
          { ids: list },
        );
      }
      return postQuery(`{ ${rng.chance(0.5) ? FIELDS.node?.(rng, f) : FIELDS.nodes?.(rng, f)} }`);
    },
  ],
  search: [10, (rng, f) => postQuery(`{ ${FIELDS.search?.(rng, f)} }`)],
  pagination: [
    10,
    (rng, f) =>
      postQuery(
        `{ ${rng.pick(['list', 'entity', 'treaties', 'search', 'timeline', 'bilateralRelation'].map((name) => FIELDS[name] as FieldMaker))(rng, f)} }`,
      ),
  ],
  dates: [
    10,
    (rng, f) =>
      postQuery(
        `{ ${rng.pick([FIELDS.bilateralRelation, FIELDS.timeline, FIELDS.treaties] as FieldMaker[])(rng, f)} }`,
      ),
  ],
  slugs: [
    10,
    (rng, f) =>
      postQuery(
        `{ ${rng.pick([FIELDS.entity, FIELDS.bilateralRelation, FIELDS.path, FIELDS.neighborhood, FIELDS.unResolutions] as FieldMaker[])(rng, f)} }`,
      ),
  ],
  mixture: [
    14,
    (rng, f) => {
      const names = Object.keys(FIELDS);
      const count = rng.int(2, 6);
      const fields = Array.from({ length: count }, (_, i) => {
        const make = FIELDS[rng.pick(names)] as FieldMaker;
        return `f${i}: ${make(rng, f)}`;
      });
      if (rng.chance(0.2)) fields.push(rng.pick(['nope', '__typename', 'documents { slug }']));
      let query = `{ ${fields.join(' ')} }`;
      if (rng.chance(0.1)) query = mutate(rng, query);
      return postQuery(query);
    },
  ],
};

function generate(index: number, fixtures: Fixtures): FuzzRequest {
  const rng = new Random(SEED, index);
  const entries = Object.entries(GENERATORS).map(
    ([name, [weight, gen]]) => [weight, [name, gen]] as const,
  );
  const [category, gen] = rng.weighted(entries);
  return { index, category, ...gen(rng, fixtures) };
}

// ---------------------------------------------------------------------------------------------
// Sending, and judging the answers.

async function send(base: string, request: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return {
      request,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
      ms: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return {
      request,
      status: 0,
      contentType: '',
      text: '',
      ms: performance.now() - started,
      failure: `${(error as Error).message}${cause ? ` (${cause})` : ''}`,
    };
  }
}

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * The errors of a response body: a JSON body, or the JSON parts of an event stream (`data:` lines)
 * or of a multipart/mixed body (one JSON line per part); undefined when none is JSON.
 */
function errorsOf(outcome: Outcome): GraphQLErrorBody[] | undefined {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const whole = parse(outcome.text);
  const payloads =
    whole === undefined
      ? outcome.text
          .split(/\r?\n/)
          .map((line) => line.replace(/^data:/, '').trim())
          .filter((line) => line.startsWith('{'))
          .map(parse)
      : [whole];
  let errors: GraphQLErrorBody[] | undefined;
  for (const payload of payloads) {
    const list = (payload as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(list)) errors = [...(errors ?? []), ...list];
  }
  return errors;
}

/**
 * Messages that leak the server's internals instead of saying what the request got wrong: the
 * schema builder's own errors, database errors, JavaScript errors.
 */
const INTERNAL_MESSAGES = [
  /has not been implemented/,
  /does not support loading by id/,
  /Expected ref to resolve/,
  /Neo\.(Client|Transient|Database)Error|Neo4jError|Cypher/i,
  /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack/,
  /^(SyntaxError|TypeError|RangeError|ReferenceError)\b/,
];

type ProblemKind =
  | 'no response'
  | '5xx'
  | 'masked'
  | 'internal'
  | 'no error in body'
  | 'no message';

interface Problem {
  kind: ProblemKind;
  /** The message (or status) that shows it, for grouping alike requests. */
  detail: string;
}

/** What is wrong with an answer, if anything: no answer, a 5xx, or an error that says nothing. */
function problemOf(outcome: Outcome): Problem | undefined {
  if (outcome.status === 0) return { kind: 'no response', detail: outcome.failure ?? '' };
  const errors = errorsOf(outcome);
  const first = typeof errors?.[0]?.message === 'string' ? errors[0].message : '';
  if (outcome.status >= 500) return { kind: '5xx', detail: `${outcome.status} ${first}` };
  if (outcome.status >= 400 && (errors === undefined || errors.length === 0)) {
    return { kind: 'no error in body', detail: `${outcome.status} ${clip(outcome.text, 60)}` };
  }
  for (const error of errors ?? []) {
    const message = typeof error.message === 'string' ? error.message.trim() : '';
    if (message.length === 0) return { kind: 'no message', detail: JSON.stringify(error) };
    if (message === MASKED) return { kind: 'masked', detail: message };
    if (INTERNAL_MESSAGES.some((pattern) => pattern.test(message))) {
      return { kind: 'internal', detail: message };
    }
  }
  return undefined;
}

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

function describeOutcome(outcome: Outcome): string {
  const { request } = outcome;
  return [
    `  #${request.index} [${request.category}] ${request.method} ${clip(request.path, 300)} ${JSON.stringify(request.headers)}`,
    request.body === undefined ? '' : `  body: ${clip(JSON.stringify(request.body))}`,
    `  → ${outcome.status} ${outcome.contentType} ${clip(outcome.text)}`,
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * The requests with a problem of the given kinds, grouped by kind, status and message (with quoted
 * values and numbers blanked), each group shown by its first request.
 */
function offenders(outcomes: readonly Outcome[], kinds: readonly ProblemKind[]) {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const problem = problemOf(outcome);
    if (!problem || !kinds.includes(problem.kind)) continue;
    const detail = problem.detail.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    const key = `${problem.kind}, status ${outcome.status}: ${clip(detail, 160)}`;
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  const count = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  const lines = [...groups.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .slice(0, 12)
    .map(([key, list]) => `${list.length}× ${key}\n${describeOutcome(list[0] as Outcome)}`);
  return {
    count,
    report: `${count} requests in ${groups.size} groups (seed ${SEED}); the first of each group:\n\n${lines.join('\n\n')}`,
  };
}

async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// The graph's fingerprint: counts and a hash of every node, relationship, index and constraint.

/** JSON with sorted keys; driver values (temporal types) by their string form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return JSON.stringify(String(value));
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface Fingerprint {
  nodes: number;
  relationships: number;
  indexes: number;
  checksum: string;
}

async function fingerprint(helper: TestHelper): Promise<Fingerprint> {
  const nodes = await helper.db.read(
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await helper.db.read(
    `MATCH (a)-[r]->(b)
     RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to,
            properties(r) AS props`,
  );
  const indexes = await helper.db.read(
    // Not `state`: an index still populating after the seed would look like a change.
    'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const constraints = await helper.db.read(
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const lines = [
    ...nodes.map((row) => `N${canonical(row)}`),
    ...relationships.map((row) => `R${canonical(row)}`),
    ...indexes.map((row) => `I${canonical(row)}`),
    ...constraints.map((row) => `C${canonical(row)}`),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    indexes: indexes.length + constraints.length,
    checksum: hash.digest('hex'),
  };
}

// ---------------------------------------------------------------------------------------------

describe(`fuzzing the running server (${TOTAL} requests, seed ${SEED})`, () => {
  const helper = new TestHelper();
  let server: RunningServer;
  let base: string;
  let before: Fingerprint;
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    await helper.seed();
    before = await fingerprint(helper);
    const { uri, username, password } = inject('neo4j');
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      SEED: 'false',
    });
    server = await startServer(config, uri, () => {});
    base = server.url.replace(/\/graphql$/, '');

    const countries = await helper.db.read<{ slug: string }>(
      "MATCH (n:Entity {kind: 'Country'}) RETURN n.id AS slug ORDER BY slug",
    );
    const entities = await helper.db.read<{ slug: string; kind: string }>(
      'MATCH (n:Entity) RETURN n.id AS slug, n.kind AS kind ORDER BY slug',
    );
    const fixtures: Fixtures = { countries: countries.map((c) => c.slug), entities };
    expect(fixtures.countries.length).toBeGreaterThan(1);

    // The server logs every error it answers with; thousands of them only bury the report.
    let logged = 0;
    const quiet = () => {
      logged++;
    };
    const spies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    for (const spy of spies) spy.mockImplementation(quiet);
    const started = performance.now();
    const indexes = Array.from({ length: TOTAL }, (_, i) => i);
    try {
      outcomes = await runPool(indexes, CONCURRENCY, (i) => send(base, generate(i, fixtures)));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const byStatus = new Map<number, number>();
    for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const statuses = [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status === 0 ? 'none' : status}×${count}`)
      .join(', ');
    if (process.env.FUZZ_DUMP) {
      const lines = outcomes.map((o) =>
        JSON.stringify({
          ...o,
          request: { ...o.request, body: o.request.body?.slice(0, 2_000) },
          problem: problemOf(o),
        }),
      );
      await writeFile(process.env.FUZZ_DUMP, `${lines.join('\n')}\n`);
    }
    const bytes = outcomes.reduce((sum, o) => sum + (o.request.body?.length ?? 0), 0);
    console.log(
      `fuzz: ${outcomes.length} requests (seed ${SEED}, ${(bytes / 1e6).toFixed(1)} MB sent) in ${seconds} s, concurrency ${CONCURRENCY}: ${statuses} (server logged ${logged} errors)`,
    );
  });

  afterAll(async () => {
    await server?.close();
    await helper.close();
  });

  it('sent every request', () => {
    expect(outcomes).toHaveLength(TOTAL);
  });

  it('never answers 5xx and always answers', () => {
    const found = offenders(outcomes, ['no response', '5xx']);
    expect(found.count, found.report).toBe(0);
  });

  it('says what was wrong in every error, never the masked "Unexpected error."', () => {
    const found = offenders(outcomes, ['masked', 'internal', 'no error in body', 'no message']);
    expect(found.count, found.report).toBe(0);
  });

  it('still answers { __typename } and /health afterwards', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('left the graph unchanged: counts and checksum', async () => {
    expect(await fingerprint(helper)).toEqual(before);
    expect(await helper.counts()).toEqual({
      nodes: before.nodes,
      relationships: before.relationships,
    });
  });
});
