/**
 * The fuzzer's requests: bad values for every argument, malformed bodies, headers and documents,
 * each request generated from its own PRNG seeded by (seed, index).
 */
import { chain, diamond, type FragmentGraphOptions, fanOut } from '../fragment-graphs.ts';
import { Random } from './random.ts';

export interface FuzzRequest {
  index: number;
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Outcome {
  request: FuzzRequest;
  /** 0 when no response came (connection error or timeout). */
  status: number;
  contentType: string;
  text: string;
  ms: number;
  failure?: string;
}

/** Fixtures read from the seeded graph: real slugs, so that bad arguments meet real data. */
export interface Fixtures {
  countries: string[];
  entities: { slug: string; kind: string }[];
}

export const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
};
export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
export const lit = (text: string) => JSON.stringify(text);

export const INJECTIONS = [
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

export const BAD_SLUGS = [
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

export const BAD_DATES = [
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

export const GOOD_DATES = [
  '1948',
  '1953-02',
  '1991-10-18',
  '2015-fall',
  '~1948-05-25',
  '2020-02-29',
];

export const PAGE_SIZES = [
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
export const cursor = (offset: string) => b64(`OffsetConnection:${offset}`);

export const BAD_CURSORS = [
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

export function badGlobalIds(rng: Random, fixtures: Fixtures): string[] {
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

export function slugLiteral(rng: Random, fixtures: Fixtures): string {
  return rng.weighted<() => string>([
    [3, () => lit(rng.pick(fixtures.entities).slug)],
    [2, () => lit(rng.pick(fixtures.countries))],
    [4, () => lit(rng.pick(BAD_SLUGS))],
    [2, () => lit(rng.text(rng.int(1, 40)))],
    [0.3, () => lit('x'.repeat(rng.hugeLength()))],
    [1, () => rng.pick(['5', 'null', 'true', 'russia', '["russia"]', '{a: 1}', '$nope', '1.5'])],
  ])();
}

export function countryLiteral(rng: Random, fixtures: Fixtures): string {
  return rng.chance(0.6) ? lit(rng.pick(fixtures.countries)) : slugLiteral(rng, fixtures);
}

export function dateLiteral(rng: Random): string {
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

export function pageArgs(rng: Random): string {
  const args: string[] = [];
  if (rng.chance(0.6)) args.push(`first: ${rng.pick(PAGE_SIZES)}`);
  if (rng.chance(0.25)) args.push(`last: ${rng.pick(PAGE_SIZES)}`);
  if (rng.chance(0.4)) args.push(`after: ${lit(rng.pick(BAD_CURSORS))}`);
  if (rng.chance(0.2)) args.push(`before: ${lit(rng.pick(BAD_CURSORS))}`);
  if (rng.chance(0.05)) args.push(`after: ${rng.pick(['5', 'null', 'true', '[]'])}`);
  return args.join(', ');
}

export function kindsLiteral(rng: Random): string {
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

export const withArgs = (args: string[]) => {
  const present = args.filter((a) => a.length > 0);
  return present.length > 0 ? `(${present.join(', ')})` : '';
};

export const ENTITY_SELECTION = 'id slug kind name';

// ---------------------------------------------------------------------------------------------
// Root fields with bad arguments: each returns one selection at the Query root.

export type FieldMaker = (rng: Random, fixtures: Fixtures) => string;

export const FIELDS: Record<string, FieldMaker> = {
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

export const UNKNOWN_FIELDS = [
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

export const SYNTAX_ERRORS = [
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
export function validQuery(rng: Random, fixtures: Fixtures): string {
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
export function deepQuery(levels: number): string {
  const open =
    '... on Country { treaties { edges { node { ... on Treaty { parties { edges { node { ';
  const close = '} } } } } } } } ';
  return `{ entity(id: "russia") { ${open.repeat(levels)}slug ${close.repeat(levels)}} }`;
}

export function mutate(rng: Random, text: string): string {
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

export const post = (body: string, headers: Record<string, string> = JSON_HEADERS) => ({
  method: 'POST',
  path: '/graphql',
  headers,
  body,
});
export const postQuery = (
  query: string,
  variables?: unknown,
  extra: Record<string, unknown> = {},
) => post(JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra }));

export type Generated = Omit<FuzzRequest, 'index' | 'category'>;
export type Generator = (rng: Random, fixtures: Fixtures) => Generated;

/** JSON values of every type, for variables that expect something else. */
export const WRONG_VALUES: unknown[] = [
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

export const VARIABLE_TEMPLATES: { query: string; name: string; extra?: unknown[] }[] = [
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

export const GENERATORS: Record<string, readonly [number, Generator]> = {
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
  fragmentGraphs: [
    6,
    (rng, f) => {
      const entity = `{ entity(id: ${lit(rng.pick(f.entities).slug)}) { … } }`;
      const nest = rng.pick([
        'links(first: 2) { edges { node { … } } }',
        'links(first: 2) { nodes { … } }',
      ]);
      const [options, nested] = rng.pick<[FragmentGraphOptions, boolean]>([
        [{ on: 'Query', operation: '{ … }', leaf: '__typename' }, false],
        [{ on: 'Query', operation: '{ … }', leaf: 'documents { slug }' }, false],
        [{ on: 'Entity', operation: entity, leaf: 'name links(first: 2) { totalCount }' }, false],
        [{ on: 'Entity', operation: entity, leaf: 'slug', nest }, true],
      ]);
      const query = rng.pick([
        () => chain(nested ? rng.int(1, 8) : rng.int(10, 95), options),
        () => diamond(nested ? rng.int(1, 7) : rng.int(5, 45), options),
        () => fanOut(rng.int(3, nested ? 8 : 20), options),
      ])();
      return postQuery(query);
    },
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

/** Request #index of the run seeded by `seed`. */
export function generate(seed: number, index: number, fixtures: Fixtures): FuzzRequest {
  const rng = new Random(seed, index);
  const entries = Object.entries(GENERATORS).map(
    ([name, [weight, gen]]) => [weight, [name, gen]] as const,
  );
  const [category, gen] = rng.weighted(entries);
  return { index, category, ...gen(rng, fixtures) };
}
