/**
 * The query mix of the load test: what a front end exploring the graph sends. The slugs, pairs and
 * cursors come from the running server's own graph, so every request is one that succeeds.
 */

/** One GraphQL request of the mix. */
export interface MixRequest {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
}

const ENTITY = `
query Entity($slug: ID!) {
  entity(id: $slug) {
    slug kind name description aliases
    citations { quote document { title } }
    links(first: 10) { totalCount edges { type node { slug kind name } } }
  }
}`;

const SEARCH = `
query Search($text: String!) {
  search(text: $text, first: 10) {
    totalCount
    edges { score node { slug kind name } }
  }
}`;

const TREATIES = `
query Treaties($party: ID!) {
  treaties(party: $party, first: 10) {
    totalCount
    edges { node { slug name signed { value } parties(first: 10) { edges { node { slug name } } } } }
  }
}`;

const TIMELINE = `
query Timeline($from: PartialDate, $after: String) {
  timeline(from: $from, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { date { value } node { slug kind name } }
  }
}`;

const BILATERAL = `
query Bilateral($a: ID!, $b: ID!, $asOf: PartialDate!) {
  bilateralRelation(a: $a, b: $b) {
    a { slug name }
    b { slug name }
    status(asOf: $asOf) { status validFrom { value } validTo { value } citations { quote } }
    history { status validFrom { value } validTo { value } }
  }
}`;

const NEIGHBORHOOD = `
query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1, limit: 50) {
    truncated
    nodes { slug kind name }
    edges { id source target type }
  }
}`;

const PATH = `
query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) {
    length
    nodes { slug kind name }
    edges { from to type direction }
  }
}`;

/** The share of each kind of request in the mix. */
const WEIGHTS: Record<string, number> = {
  entity: 25,
  search: 20,
  timeline: 15,
  treaties: 10,
  bilateral: 10,
  neighborhood: 10,
  path: 10,
};

const SEARCH_TEXTS = [
  'Netanyahu',
  'Netanyhu',
  'Putin',
  'ussr',
  'treaty',
  'visit Moscow',
  'Soviet Union',
  'agreement on cooperation',
  'incident Syria',
  'embassy',
];

const AS_OF_DATES = [
  '1950-01-01',
  '1953-03-01',
  '1960-06-15',
  '1970-01-01',
  '1990-01-01',
  '2019-01-01',
];
const TIMELINE_FROM = [null, '1948', '1967', '1991-10', '2000', '2015-fall'];

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read by known field names
type Json = any;

/** Posts one GraphQL request to the server under load. */
export type Post = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ status: number; body: { data?: Json; errors?: { message: string }[] } }>;

interface Fixtures {
  countries: string[];
  slugs: string[];
  pairs: [string, string][];
  /** `after` cursors of the timeline's first pages (null: the first page), as the server gives them. */
  timelineCursors: (string | null)[];
}

const slugsOf = (connection: { edges: { node: { slug: string } }[] }) =>
  connection.edges.map((edge) => edge.node.slug);

/** Reads slugs, country pairs with a status history, and the timeline's length from the server. */
async function discover(post: Post): Promise<Fixtures> {
  const { body } = await post(`{
    countries(first: 100) { edges { node { slug } } }
    people(first: 50) { edges { node { slug } } }
    events(first: 50) { edges { node { slug } } }
    treaties(first: 50) { edges { node { slug } } }
  }`);
  if (!body.data || body.errors) {
    throw new Error(`could not read the graph: ${JSON.stringify(body.errors ?? body)}`);
  }
  const countries = slugsOf(body.data.countries);
  if (countries.length < 2) throw new Error('the graph has fewer than two countries');
  const slugs = [
    ...countries,
    ...slugsOf(body.data.people),
    ...slugsOf(body.data.events),
    ...slugsOf(body.data.treaties),
  ];
  const withHistory: [string, string][] = [];
  const valid: [string, string][] = [];
  for (const [i, a] of countries.entries()) {
    for (const b of countries.slice(i + 1)) {
      const answer = await post(
        'query ($a: ID!, $b: ID!) { bilateralRelation(a: $a, b: $b) { history { status } } }',
        { a, b },
      );
      if (answer.body.errors || !answer.body.data) continue; // one line of states, e.g. USSR–Russia
      valid.push([a, b]);
      if (answer.body.data.bilateralRelation.history.length > 0) withHistory.push([a, b]);
    }
  }
  const pairs = withHistory.length > 0 ? withHistory : valid;
  if (pairs.length === 0) throw new Error('no two countries have a bilateral relation');
  const timelineCursors: (string | null)[] = [null];
  for (let page = 1; page < 5; page++) {
    const answer = await post(
      'query ($after: String) { timeline(first: 20, after: $after) { pageInfo { hasNextPage endCursor } } }',
      { after: timelineCursors.at(-1) },
    );
    const info = answer.body.data?.timeline.pageInfo;
    if (!info?.hasNextPage) break;
    timelineCursors.push(info.endCursor);
  }
  return { countries, slugs, pairs, timelineCursors };
}

/** A small seeded PRNG (mulberry32): the same mix on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

/** `size` requests drawn by weight from the kinds above, with arguments from the graph. */
export async function buildMix(post: Post, size = 240, seed = 7): Promise<MixRequest[]> {
  const fixtures = await discover(post);
  const rng = random(seed);
  const kinds = Object.entries(WEIGHTS);
  const total = kinds.reduce((sum, [, w]) => sum + w, 0);
  const pickKind = () => {
    let at = rng.next() * total;
    for (const [kind, weight] of kinds) {
      at -= weight;
      if (at < 0) return kind;
    }
    return 'entity';
  };
  const make: Record<string, () => MixRequest> = {
    entity: () => ({
      kind: 'entity',
      query: ENTITY,
      variables: { slug: rng.pick(fixtures.slugs) },
    }),
    search: () => ({ kind: 'search', query: SEARCH, variables: { text: rng.pick(SEARCH_TEXTS) } }),
    timeline: () => ({
      kind: 'timeline',
      query: TIMELINE,
      variables: { from: rng.pick(TIMELINE_FROM), after: rng.pick(fixtures.timelineCursors) },
    }),
    treaties: () => ({
      kind: 'treaties',
      query: TREATIES,
      variables: { party: rng.pick(fixtures.countries) },
    }),
    bilateral: () => {
      const [a, b] = rng.pick(fixtures.pairs);
      return {
        kind: 'bilateral',
        query: BILATERAL,
        variables: { a, b, asOf: rng.pick(AS_OF_DATES) },
      };
    },
    neighborhood: () => ({
      kind: 'neighborhood',
      query: NEIGHBORHOOD,
      variables: { id: rng.pick(fixtures.slugs) },
    }),
    path: () => ({
      kind: 'path',
      query: PATH,
      variables: { from: rng.pick(fixtures.slugs), to: rng.pick(fixtures.slugs) },
    }),
  };
  return Array.from({ length: size }, () => (make[pickKind()] as () => MixRequest)());
}

/** Sends every request of the mix once; throws naming the first that fails. */
export async function checkMix(post: Post, mix: readonly MixRequest[]): Promise<void> {
  for (const request of mix) {
    const { status, body } = await post(request.query, request.variables);
    if (status !== 200 || body.errors || !body.data) {
      throw new Error(
        `the ${request.kind} request ${JSON.stringify(request.variables)} fails: ${status} ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  }
}
