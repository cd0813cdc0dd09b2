/**
 * The fixed query mix a front end sends, written three ways: for this server (GraphQL), for the
 * `@neo4j/graphql` server (GraphQL over its generated schema) and as hand-written Cypher for the
 * raw-driver endpoint. Each way has a normaliser to one common shape, so answers can be compared.
 */
import { luceneQuery } from '../../src/db/lucene-query.ts';
import { countryCount, searchSamples } from './generate.ts';

export type ServerName = 'ours' | 'neo4jGraphql' | 'raw';
export const SERVERS: readonly ServerName[] = ['ours', 'neo4jGraphql', 'raw'];

export type Vars = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON walked by the normalisers
type Json = any;

export interface GraphqlForm {
  query: string;
  variables: (v: Vars) => Vars;
  normalise: (data: Json) => unknown;
}

export interface CypherForm {
  cypher: string;
  params: (v: Vars) => Vars;
  /** Receives the `result` column of the single row. */
  normalise: (result: Json) => unknown;
}

export interface BenchQuery {
  name: string;
  /** Parameter sets; requests cycle through them. */
  variants: Vars[];
  ours: GraphqlForm;
  neo4jGraphql: GraphqlForm;
  raw: CypherForm;
}

const bySlug = <T extends { slug: string }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.slug.localeCompare(b.slug));
const lower = (s: string | null | undefined) => (s == null ? null : s.toLowerCase());
const same = (v: Vars) => v;

/**
 * The ids the mix asks for, taken from the generator so each exists at the scale being run:
 * countries are `country-0` up to `countryCount(scale) - 1`, and unit 0's entities exist at every
 * scale. Country numbers wrap, so the default scale asks for the same ids as before.
 */
export interface Sample {
  country: (i: number) => string;
  /** A list offset within the countries. */
  countryOffset: (offset: number) => number;
}

export function sampleFor(scale: number): Sample {
  const countries = countryCount(scale);
  return {
    country: (i) => `country-${i % countries}`,
    countryOffset: (offset) => offset % countries,
  };
}

// ---------------------------------------------------------------------------------------------

const lookup = (): BenchQuery => ({
  name: 'lookup',
  variants: [1, 5, 9, 13].map((i) => ({ slug: `person-0-${i}` })),
  ours: {
    query: `query Lookup($slug: ID!) {
  entity(id: $slug) {
    slug name kind: __typename description aliases
    citations { quote note document { slug } }
  }
}`,
    variables: same,
    normalise: (d) => ({
      slug: d.entity.slug,
      name: d.entity.name,
      kind: d.entity.kind,
      description: d.entity.description,
      aliases: d.entity.aliases,
      citations: d.entity.citations.map((c: Json) => ({
        document: c.document.slug,
        quote: c.quote,
        note: c.note,
      })),
    }),
  },
  neo4jGraphql: {
    query: `query Lookup($slug: ID!) {
  people(where: { id: { eq: $slug } }) {
    id name kind description aliases
    citationsConnection(sort: [{ node: { id: ASC } }]) {
      edges { properties { quotes note } node { id } }
    }
  }
}`,
    variables: same,
    normalise: (d) => {
      const p = d.people[0];
      return {
        slug: p.id,
        name: p.name,
        kind: p.kind,
        description: p.description,
        aliases: p.aliases,
        citations: p.citationsConnection.edges.flatMap((e: Json) =>
          e.properties.quotes.map((quote: string) => ({
            document: e.node.id,
            quote,
            note: e.properties.note,
          })),
        ),
      };
    },
  },
  raw: {
    cypher: `
MATCH (n:Entity {id: $slug})
CALL (n) {
  MATCH (n)-[c:CITED_IN]->(d:Document)
  WITH d, c ORDER BY d.id
  UNWIND c.quotes AS quote
  RETURN collect({document: d.id, quote: quote, note: c.note}) AS citations
}
RETURN {slug: n.id, name: n.name, kind: n.kind, description: n.description, aliases: n.aliases,
        citations: citations} AS result`,
    params: same,
    normalise: (r) => r,
  },
});

// ---------------------------------------------------------------------------------------------

const search = (seed: number): BenchQuery => ({
  name: 'search',
  variants: searchSamples(seed).map((text) => ({ text })),
  ours: {
    query: `query Search($text: String!) {
  search(text: $text, first: 10) { totalCount edges { node { slug name kind: __typename } } }
}`,
    variables: same,
    normalise: (d) => ({
      total: d.search.totalCount,
      hits: d.search.edges.map((e: Json) => ({
        slug: e.node.slug,
        name: e.node.name,
        kind: e.node.kind,
      })),
    }),
  },
  neo4jGraphql: {
    query: `query Search($query: String!) {
  search(query: $query, first: 10) { total items { id name kind } }
}`,
    // The client turns the text into the same Lucene query this server builds.
    variables: (v) => ({ query: luceneQuery(String(v.text)) }),
    normalise: (d) => ({
      total: d.search.total,
      hits: d.search.items.map((i: Json) => ({ slug: i.id, name: i.name, kind: i.kind })),
    }),
  },
  raw: {
    cypher: `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WITH node, score ORDER BY score DESC, node.name
  LIMIT 10000
  RETURN collect({slug: node.id, name: node.name, kind: node.kind}) AS items
}
RETURN {total: size(items), hits: items[0..10]} AS result`,
    params: (v) => ({ query: luceneQuery(String(v.text)) }),
    normalise: (r) => r,
  },
});

/**
 * The same texts, first 10 hits and no total: what a search box asks. The other two read Lucene's
 * top 100 hits and keep the best 10 in (score, name) order, which gives the same page unless more
 * than 90 hits tie at its end; this server reads more only when hits tie at the page's end.
 */
const searchTop = (seed: number): BenchQuery => ({
  name: 'searchTop',
  variants: searchSamples(seed).map((text) => ({ text })),
  ours: {
    query: `query SearchTop($text: String!) {
  search(text: $text, first: 10) { edges { node { slug name kind: __typename } } }
}`,
    variables: same,
    normalise: (d) =>
      d.search.edges.map((e: Json) => ({
        slug: e.node.slug,
        name: e.node.name,
        kind: e.node.kind,
      })),
  },
  neo4jGraphql: {
    query: `query SearchTop($query: String!) {
  searchTop(query: $query, first: 10) { id name kind }
}`,
    variables: (v) => ({ query: luceneQuery(String(v.text)) }),
    normalise: (d) => d.searchTop.map((i: Json) => ({ slug: i.id, name: i.name, kind: i.kind })),
  },
  raw: {
    cypher: `
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 100}) YIELD node, score
WITH node, score ORDER BY score DESC, node.name LIMIT 10
RETURN collect({slug: node.id, name: node.name, kind: node.kind}) AS result`,
    params: (v) => ({ query: luceneQuery(String(v.text)) }),
    normalise: (r) => r,
  },
});

// ---------------------------------------------------------------------------------------------

const countryTreaties = (sample: Sample): BenchQuery => ({
  name: 'countryTreaties',
  variants: [1, 2, 3, 4].map((i) => ({ slug: sample.country(i) })),
  ours: {
    query: `query CountryTreaties($slug: ID!) {
  entity(id: $slug) {
    slug
    ... on Country {
      treaties(first: 20) {
        totalCount
        edges {
          role
          node {
            slug name
            ... on Treaty {
              signed { value }
              parties(first: 10) { edges { node { slug name } } }
            }
          }
        }
      }
    }
  }
}`,
    variables: same,
    normalise: (d) => ({
      slug: d.entity.slug,
      total: d.entity.treaties.totalCount,
      treaties: d.entity.treaties.edges.map((e: Json) => ({
        slug: e.node.slug,
        name: e.node.name,
        signed: e.node.signed?.value ?? null,
        role: e.role,
        parties: bySlug(
          e.node.parties.edges.map((p: Json) => ({ slug: p.node.slug, name: p.node.name })),
        ),
      })),
    }),
  },
  neo4jGraphql: {
    query: `query CountryTreaties($slug: ID!) {
  countries(where: { id: { eq: $slug } }) {
    id
    treatiesConnection(first: 20, sort: [{ node: { signedStart: ASC } }, { node: { name: ASC } }]) {
      totalCount
      edges {
        properties { role }
        node { id name signed parties(limit: 10, sort: [{ name: ASC }]) { id name } }
      }
    }
  }
}`,
    variables: same,
    normalise: (d) => {
      const c = d.countries[0];
      return {
        slug: c.id,
        total: c.treatiesConnection.totalCount,
        treaties: c.treatiesConnection.edges.map((e: Json) => ({
          slug: e.node.id,
          name: e.node.name,
          signed: e.node.signed,
          role: e.properties.role,
          parties: bySlug(e.node.parties.map((p: Json) => ({ slug: p.id, name: p.name }))),
        })),
      };
    },
  },
  raw: {
    cypher: `
MATCH (c:Entity {id: $slug}) WHERE c:Country
CALL (c) {
  MATCH (c)-[r:PARTY_TO]->(t:Treaty)
  WITH r, t ORDER BY t.signedStart, t.name
  WITH collect({r: r, t: t}) AS rows
  RETURN size(rows) AS total, rows[0..20] AS page
}
CALL (page) {
  UNWIND page AS e
  WITH e.r AS r, e.t AS t
  CALL (t) {
    MATCH (t)<-[:PARTY_TO]-(p:Entity)
    WITH p ORDER BY p.name LIMIT 10
    RETURN collect({slug: p.id, name: p.name}) AS parties
  }
  RETURN collect({slug: t.id, name: t.name, signed: t.signed, role: r.role, parties: parties}) AS treaties
}
RETURN {slug: c.id, total: total, treaties: treaties} AS result`,
    params: same,
    normalise: (r) => ({
      ...r,
      treaties: r.treaties.map((t: Json) => ({ ...t, parties: bySlug(t.parties) })),
    }),
  },
});

// ---------------------------------------------------------------------------------------------

/**
 * A page of the timeline from a date and whether more follow, as an infinite scroll asks (no
 * total: counting every item is a scan at any scale). Each kind is read in date order from its
 * index on the first day of its date; a date spans at most a year, so the seek starts a year early.
 */
export const TIMELINE_PAGE_CYPHER = `
CALL () {
  CALL () {
    MATCH (n:Event) WHERE n.dateStart >= toString(date($from) - duration('P1Y')) AND n.dateEnd >= $from
    WITH n ORDER BY n.dateStart, n.dateEnd, n.name LIMIT toInteger($first) + 1
    RETURN n, n.dateStart AS start, n.dateEnd AS end, n.date AS date
    UNION ALL
    MATCH (n:Incident) WHERE n.dateStart >= toString(date($from) - duration('P1Y')) AND n.dateEnd >= $from
    WITH n ORDER BY n.dateStart, n.dateEnd, n.name LIMIT toInteger($first) + 1
    RETURN n, n.dateStart AS start, n.dateEnd AS end, n.date AS date
    UNION ALL
    MATCH (n:Treaty) WHERE n.signedStart >= toString(date($from) - duration('P1Y')) AND n.signedEnd >= $from
    WITH n ORDER BY n.signedStart, n.signedEnd, n.name LIMIT toInteger($first) + 1
    RETURN n, n.signedStart AS start, n.signedEnd AS end, n.signed AS date
    UNION ALL
    MATCH (n:UNResolution) WHERE n.dateStart >= toString(date($from) - duration('P1Y')) AND n.dateEnd >= $from
    WITH n ORDER BY n.dateStart, n.dateEnd, n.name LIMIT toInteger($first) + 1
    RETURN n, n.dateStart AS start, n.dateEnd AS end, n.date AS date
  }
  WITH n, date ORDER BY start, end, n.name LIMIT toInteger($first) + 1
  RETURN collect({id: n.id, name: n.name, kind: n.kind, date: date}) AS items
}
RETURN {hasMore: size(items) > toInteger($first), items: items[0..toInteger($first)]} AS page`;

const timeline = (): BenchQuery => ({
  name: 'timeline',
  variants: ['1960-01-01', '1975-01-01', '1990-01-01', '2005-01-01'].map((from) => ({ from })),
  ours: {
    query: `query Timeline($from: PartialDate!) {
  timeline(from: $from, first: 20) {
    pageInfo { hasNextPage }
    edges { date { value } node { slug name kind: __typename } }
  }
}`,
    variables: same,
    normalise: (d) => ({
      hasMore: d.timeline.pageInfo.hasNextPage,
      items: d.timeline.edges.map((e: Json) => ({
        slug: e.node.slug,
        name: e.node.name,
        kind: e.node.kind,
        date: e.date?.value ?? null,
      })),
    }),
  },
  neo4jGraphql: {
    query: `query Timeline($from: String!) {
  timeline(from: $from, first: 20) { hasMore items { id name kind date } }
}`,
    variables: same,
    normalise: (d) => ({
      hasMore: d.timeline.hasMore,
      items: d.timeline.items.map((i: Json) => ({
        slug: i.id,
        name: i.name,
        kind: i.kind,
        date: i.date,
      })),
    }),
  },
  raw: {
    cypher: TIMELINE_PAGE_CYPHER.replace('AS page', 'AS result'),
    params: (v) => ({ ...v, first: 20 }),
    normalise: (r) => ({
      hasMore: r.hasMore,
      items: r.items.map((i: Json) => ({ slug: i.id, name: i.name, kind: i.kind, date: i.date })),
    }),
  },
});

// ---------------------------------------------------------------------------------------------

const bilateral = (sample: Sample): BenchQuery => ({
  name: 'bilateralStatus',
  variants: [
    { a: sample.country(0), b: sample.country(1), day: '1970-06-01' },
    { a: sample.country(2), b: sample.country(3), day: '1990-06-01' },
    { a: sample.country(4), b: sample.country(5), day: '1985-06-01' },
    { a: sample.country(0), b: sample.country(1), day: '2010-06-01' },
  ],
  ours: {
    query: `query Bilateral($a: ID!, $b: ID!, $day: PartialDate!) {
  bilateralRelation(a: $a, b: $b) {
    status(asOf: $day) { slug status validFrom { value } }
    history { slug status validFrom { value } validTo { value } }
  }
}`,
    variables: same,
    normalise: (d) => {
      const s = d.bilateralRelation.status;
      return {
        status: s ? { slug: s.slug, status: lower(s.status), validFrom: s.validFrom.value } : null,
        history: d.bilateralRelation.history.map((p: Json) => ({
          slug: p.slug,
          status: lower(p.status),
          validFrom: p.validFrom?.value ?? null,
          validTo: p.validTo?.value ?? null,
        })),
      };
    },
  },
  neo4jGraphql: {
    query: `query Bilateral($a: ID!, $b: ID!, $day: String!) {
  status: statusPeriods(
    where: { AND: [
      { countries: { some: { id: { eq: $a } } } }
      { countries: { some: { id: { eq: $b } } } }
      { validFromStart: { lte: $day } }
      { OR: [{ validToStart: { eq: null } }, { validToStart: { gt: $day } }] }
    ] }
    sort: [{ validFromStart: DESC }, { id: ASC }]
    limit: 1
  ) { id status validFrom }
  history: statusPeriods(
    where: { AND: [
      { countries: { some: { id: { eq: $a } } } }
      { countries: { some: { id: { eq: $b } } } }
    ] }
    sort: [{ validFromStart: ASC }, { validToStart: ASC }, { id: ASC }]
  ) { id status validFrom validTo }
}`,
    variables: same,
    normalise: (d) => {
      const s = d.status[0];
      return {
        status: s ? { slug: s.id, status: lower(s.status), validFrom: s.validFrom } : null,
        history: d.history.map((p: Json) => ({
          slug: p.id,
          status: lower(p.status),
          validFrom: p.validFrom ?? null,
          validTo: p.validTo ?? null,
        })),
      };
    },
  },
  raw: {
    cypher: `
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
CALL (a, b) {
  MATCH (a)<-[:BETWEEN]-(p:StatusPeriod)-[:BETWEEN]->(b)
  WITH DISTINCT p ORDER BY p.validFromStart, p.validToStart, p.id
  RETURN collect({slug: p.id, status: p.status, validFrom: p.validFrom, validTo: p.validTo,
                  fromStart: p.validFromStart, toStart: p.validToStart}) AS periods
}
WITH [p IN periods WHERE p.fromStart <= $day AND (p.toStart IS NULL OR $day < p.toStart)] AS holding,
     periods
WITH periods, reduce(best = null, p IN holding |
  CASE WHEN best IS NULL OR p.fromStart > best.fromStart OR (p.fromStart = best.fromStart AND p.slug < best.slug)
       THEN p ELSE best END) AS status
RETURN {
  status: CASE WHEN status IS NULL THEN null
          ELSE {slug: status.slug, status: status.status, validFrom: status.validFrom} END,
  history: [p IN periods | {slug: p.slug, status: p.status, validFrom: p.validFrom, validTo: p.validTo}]
} AS result`,
    params: same,
    normalise: (r) => r,
  },
});

// ---------------------------------------------------------------------------------------------

const edgeKey = (type: string, source: string, target: string) => `${type} ${source} ${target}`;

/**
 * Depth-2 neighbourhood: the nearest `$limit` entities (by hops, then degree, then slug) and the
 * links among them, as the `@neo4j/graphql` server's `@cypher` field and the raw endpoint run it.
 */
export const NEIGHBORHOOD_CYPHER = `
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH p = ANY SHORTEST (c)(()-[]-(:Entity)){1,2}(m:Entity)
  WHERE m <> c
  WITH m, length(p) AS distance
  WITH m, distance, COUNT { (m)-[]-(:Entity) } AS degree
  ORDER BY distance, degree DESC, m.id
  RETURN collect(m) AS found
}
WITH [c] + found[0..toInteger($limit) - 1] AS nodes
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r]->(y:Entity) WHERE y IN nodes
  RETURN collect({type: type(r), source: startNode(r).id, target: endNode(r).id}) AS links
}
RETURN {nodeIds: [n IN nodes | n.id], links: links} AS result`;

const neighborhood = (): BenchQuery => ({
  name: 'neighborhood',
  variants: ['person-0-2', 'person-0-7', 'event-0-3', 'treaty-0-4'].map((id) => ({ id })),
  ours: {
    query: `query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 50) { nodes { slug } edges { source target type } }
}`,
    variables: same,
    normalise: (d) => ({
      nodes: d.neighborhood.nodes.map((n: Json) => n.slug),
      edges: d.neighborhood.edges.map((e: Json) => edgeKey(e.type, e.source, e.target)).sort(),
    }),
  },
  neo4jGraphql: {
    query: `query Neighborhood($id: String!) {
  neighborhood(id: $id, limit: 50) { nodeIds links { type source target } }
}`,
    variables: same,
    normalise: (d) => ({
      nodes: d.neighborhood.nodeIds,
      edges: d.neighborhood.links.map((e: Json) => edgeKey(e.type, e.source, e.target)).sort(),
    }),
  },
  raw: {
    cypher: NEIGHBORHOOD_CYPHER,
    params: (v) => ({ ...v, limit: 50 }),
    normalise: (r) => ({
      nodes: r.nodeIds,
      edges: r.links.map((e: Json) => edgeKey(e.type, e.source, e.target)).sort(),
    }),
  },
});

// ---------------------------------------------------------------------------------------------

/** Several shortest paths may exist: compare the length and the ends, not the route. */
const pathShape = (slugs: string[] | null) =>
  slugs ? { length: slugs.length - 1, from: slugs[0], to: slugs.at(-1) } : null;

const shortestPath = (): BenchQuery => ({
  name: 'shortestPath',
  variants: [
    { from: 'person-0-1', to: 'person-0-20' },
    { from: 'person-0-3', to: 'treaty-0-10' },
    { from: 'event-0-1', to: 'incident-0-5' },
    { from: 'place-0-1', to: 'person-0-30' },
  ],
  ours: {
    query: `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) { length nodes { slug } }
}`,
    variables: same,
    normalise: (d) => pathShape(d.path ? d.path.nodes.map((n: Json) => n.slug) : null),
  },
  neo4jGraphql: {
    query: `query Path($from: String!, $to: String!) {
  pathNodes(from: $from, to: $to) { id }
}`,
    variables: same,
    normalise: (d) => pathShape(d.pathNodes.length > 0 ? d.pathNodes.map((n: Json) => n.id) : null),
  },
  raw: {
    cypher: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH p = ANY SHORTEST (a)(()-[]-(:Entity)){1,4}(b)
RETURN CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | n.id] END AS result`,
    params: same,
    normalise: (r) => pathShape(r),
  },
});

// ---------------------------------------------------------------------------------------------

const deep = (sample: Sample): BenchQuery => ({
  name: 'deep',
  variants: [0, 1, 2, 3].map((i) => ({ slug: sample.country(i) })),
  ours: {
    query: `query Deep($slug: ID!) {
  entity(id: $slug) {
    slug
    ... on Country {
      treaties(first: 5) { edges { node { slug
        ... on Treaty { parties(first: 10) { edges { node { slug
          ... on Country { leaders(first: 3) { edges { role node { slug
            ... on Person { offices(first: 10) { edges { role node { slug } } } }
          } } } }
        } } } }
      } } }
    }
  }
}`,
    variables: same,
    normalise: (d) => ({
      slug: d.entity.slug,
      treaties: d.entity.treaties.edges.map((t: Json) => ({
        slug: t.node.slug,
        parties: bySlug(
          t.node.parties.edges.map((p: Json) => ({
            slug: p.node.slug,
            leaders: p.node.leaders.edges.map((l: Json) => ({
              slug: l.node.slug,
              role: l.role,
              offices: bySlug(
                l.node.offices.edges.map((o: Json) => ({ slug: o.node.slug, role: o.role })),
              ),
            })),
          })),
        ),
      })),
    }),
  },
  neo4jGraphql: {
    query: `query Deep($slug: ID!) {
  countries(where: { id: { eq: $slug } }) {
    id
    treatiesConnection(first: 5, sort: [{ node: { signedStart: ASC } }, { node: { name: ASC } }]) {
      edges { node { id
        parties(limit: 10, sort: [{ name: ASC }]) { id
          leadersConnection(first: 3, sort: [{ edge: { validFromStart: ASC } }, { node: { name: ASC } }]) {
            edges { properties { role } node { id
              officesConnection(first: 10) { edges { properties { role } node { id } } }
            } }
          }
        }
      } }
    }
  }
}`,
    variables: same,
    normalise: (d) => {
      const c = d.countries[0];
      return {
        slug: c.id,
        treaties: c.treatiesConnection.edges.map((t: Json) => ({
          slug: t.node.id,
          parties: bySlug(
            t.node.parties.map((p: Json) => ({
              slug: p.id,
              leaders: p.leadersConnection.edges.map((l: Json) => ({
                slug: l.node.id,
                role: l.properties.role,
                offices: bySlug(
                  l.node.officesConnection.edges.map((o: Json) => ({
                    slug: o.node.id,
                    role: o.properties.role,
                  })),
                ),
              })),
            })),
          ),
        })),
      };
    },
  },
  raw: {
    cypher: `
MATCH (c:Entity {id: $slug}) WHERE c:Country
CALL (c) {
  MATCH (c)-[:PARTY_TO]->(t:Treaty)
  WITH t ORDER BY t.signedStart, t.name LIMIT 5
  CALL (t) {
    MATCH (t)<-[:PARTY_TO]-(p:Entity)
    WITH p ORDER BY p.name LIMIT 10
    CALL (p) {
      MATCH (p)<-[h:HELD_OFFICE]-(l:Person)
      WITH l, h ORDER BY h.validFromStart, l.name LIMIT 3
      CALL (l) {
        MATCH (l)-[o:HELD_OFFICE]->(x:Entity)
        WITH o, x ORDER BY x.id LIMIT 10
        RETURN collect({slug: x.id, role: o.role}) AS offices
      }
      RETURN collect({slug: l.id, role: h.role, offices: offices}) AS leaders
    }
    RETURN collect({slug: p.id, leaders: leaders}) AS parties
  }
  RETURN collect({slug: t.id, parties: parties}) AS treaties
}
RETURN {slug: c.id, treaties: treaties} AS result`,
    params: same,
    normalise: (r) => ({
      ...r,
      treaties: r.treaties.map((t: Json) => ({ ...t, parties: bySlug(t.parties) })),
    }),
  },
});

// ---------------------------------------------------------------------------------------------

/** The cursor this server issues for the item at `offset` (its Relay offset cursors). */
const cursorAt = (offset: number) =>
  Buffer.from(`OffsetConnection:${offset}`, 'utf8').toString('base64');

const countryList = (sample: Sample): BenchQuery => ({
  name: 'countryList',
  variants: [0, 10, 20, 30].map((offset) => ({ offset: sample.countryOffset(offset) })),
  ours: {
    query: `query CountryList($after: String) {
  countries(first: 10, after: $after) { nodes { slug name
    treaties(first: 5) { nodes { slug name
      parties(first: 10) { nodes { slug name } }
    } }
  } }
}`,
    variables: (v) => ({ after: v.offset ? cursorAt(Number(v.offset) - 1) : null }),
    normalise: (d) =>
      d.countries.nodes.map((c: Json) => ({
        slug: c.slug,
        name: c.name,
        treaties: c.treaties.nodes.map((t: Json) => ({
          slug: t.slug,
          name: t.name,
          parties: bySlug(t.parties.nodes.map((p: Json) => ({ slug: p.slug, name: p.name }))),
        })),
      })),
  },
  neo4jGraphql: {
    query: `query CountryList($offset: Int) {
  countries(sort: [{ name: ASC }, { id: ASC }], limit: 10, offset: $offset) { id name
    treatiesConnection(first: 5, sort: [{ node: { signedStart: ASC } }, { node: { name: ASC } }]) {
      edges { node { id name parties(limit: 10, sort: [{ name: ASC }]) { id name } } }
    }
  }
}`,
    variables: same,
    normalise: (d) =>
      d.countries.map((c: Json) => ({
        slug: c.id,
        name: c.name,
        treaties: c.treatiesConnection.edges.map((e: Json) => ({
          slug: e.node.id,
          name: e.node.name,
          parties: bySlug(e.node.parties.map((p: Json) => ({ slug: p.id, name: p.name }))),
        })),
      })),
  },
  raw: {
    cypher: `
MATCH (c:Country) WITH c ORDER BY c.name, c.id SKIP toInteger($offset) LIMIT 10
CALL (c) {
  MATCH (c)-[:PARTY_TO]->(t:Treaty)
  WITH t ORDER BY t.signedStart, t.name LIMIT 5
  CALL (t) {
    MATCH (t)<-[:PARTY_TO]-(p:Entity)
    WITH p ORDER BY p.name LIMIT 10
    RETURN collect({slug: p.id, name: p.name}) AS parties
  }
  RETURN collect({slug: t.id, name: t.name, parties: parties}) AS treaties
}
RETURN collect({slug: c.id, name: c.name, treaties: treaties}) AS result`,
    params: same,
    normalise: (r) =>
      r.map((c: Json) => ({
        ...c,
        treaties: c.treaties.map((t: Json) => ({ ...t, parties: bySlug(t.parties) })),
      })),
  },
});

// ---------------------------------------------------------------------------------------------

const clientCard = (sample: Sample): BenchQuery => ({
  name: 'clientCard',
  variants: [5, 6, 7, 8].map((i) => ({ slug: sample.country(i) })),
  ours: {
    // As a client writes it: fragments on the Entity interface and on kinds, spread at each level.
    query: `query EntityCard($slug: ID!) {
  entity(id: $slug) { ...Card ... on Country { ...CountryCard } }
}
fragment Card on Entity { __typename slug name }
fragment CountryCard on Country {
  description
  treaties(first: 5) { totalCount nodes { ...Card ...TreatyCard } }
  leaders(first: 3) { edges { role node { ...Card } } }
}
fragment TreatyCard on Treaty { signed { value } parties(first: 10) { nodes { ...Card } } }`,
    variables: same,
    normalise: (d) => ({
      kind: d.entity.__typename,
      slug: d.entity.slug,
      name: d.entity.name,
      description: d.entity.description,
      treatyCount: d.entity.treaties.totalCount,
      treaties: d.entity.treaties.nodes.map((t: Json) => ({
        kind: t.__typename,
        slug: t.slug,
        name: t.name,
        signed: t.signed?.value ?? null,
        parties: bySlug(
          t.parties.nodes.map((p: Json) => ({ kind: p.__typename, slug: p.slug, name: p.name })),
        ),
      })),
      leaders: d.entity.leaders.edges.map((e: Json) => ({
        kind: e.node.__typename,
        slug: e.node.slug,
        name: e.node.name,
        role: e.role,
      })),
    }),
  },
  neo4jGraphql: {
    query: `query EntityCard($slug: ID!) {
  countries(where: { id: { eq: $slug } }) { kind id name description
    treatiesConnection(first: 5, sort: [{ node: { signedStart: ASC } }, { node: { name: ASC } }]) {
      totalCount
      edges { node { kind id name signed parties(limit: 10, sort: [{ name: ASC }]) { kind id name } } }
    }
    leadersConnection(first: 3, sort: [{ edge: { validFromStart: ASC } }, { node: { name: ASC } }]) {
      edges { properties { role } node { kind id name } }
    }
  }
}`,
    variables: same,
    normalise: (d) => {
      const c = d.countries[0];
      return {
        kind: c.kind,
        slug: c.id,
        name: c.name,
        description: c.description,
        treatyCount: c.treatiesConnection.totalCount,
        treaties: c.treatiesConnection.edges.map((e: Json) => ({
          kind: e.node.kind,
          slug: e.node.id,
          name: e.node.name,
          signed: e.node.signed,
          parties: bySlug(
            e.node.parties.map((p: Json) => ({ kind: p.kind, slug: p.id, name: p.name })),
          ),
        })),
        leaders: c.leadersConnection.edges.map((e: Json) => ({
          kind: e.node.kind,
          slug: e.node.id,
          name: e.node.name,
          role: e.properties.role,
        })),
      };
    },
  },
  raw: {
    cypher: `
MATCH (c:Entity {id: $slug}) WHERE c:Country
CALL (c) {
  MATCH (c)-[:PARTY_TO]->(t:Treaty)
  WITH t ORDER BY t.signedStart, t.name
  RETURN collect(t) AS treatyList
}
CALL (treatyList) {
  UNWIND treatyList[0..5] AS t
  CALL (t) {
    MATCH (t)<-[:PARTY_TO]-(p:Entity)
    WITH p ORDER BY p.name LIMIT 10
    RETURN collect({kind: p.kind, slug: p.id, name: p.name}) AS parties
  }
  RETURN collect({kind: t.kind, slug: t.id, name: t.name, signed: t.signed, parties: parties}) AS treaties
}
CALL (c) {
  MATCH (c)<-[h:HELD_OFFICE]-(l:Person)
  WITH l, h ORDER BY h.validFromStart, l.name LIMIT 3
  RETURN collect({kind: l.kind, slug: l.id, name: l.name, role: h.role}) AS leaders
}
RETURN {kind: c.kind, slug: c.id, name: c.name, description: c.description,
        treatyCount: size(treatyList), treaties: treaties, leaders: leaders} AS result`,
    params: same,
    normalise: (r) => ({
      ...r,
      treaties: r.treaties.map((t: Json) => ({ ...t, parties: bySlug(t.parties) })),
    }),
  },
});

/** The mix, in the order requests cycle through it, asking for ids the graph of `scale` holds. */
export function benchQueries(seed: number, scale: number): BenchQuery[] {
  const sample = sampleFor(scale);
  return [
    lookup(),
    search(seed),
    searchTop(seed),
    countryTreaties(sample),
    timeline(),
    bilateral(sample),
    neighborhood(),
    shortestPath(),
    deep(sample),
    countryList(sample),
    clientCard(sample),
  ];
}

/** The HTTP request body a server receives for a query and a parameter set. */
export function requestBody(server: ServerName, q: BenchQuery, v: Vars): string {
  if (server === 'raw') return JSON.stringify({ query: q.name, params: q.raw.params(v) });
  const form = q[server];
  return JSON.stringify({ query: form.query, variables: form.variables(v) });
}

/** The path a server answers a query at. */
export const requestPath = (server: ServerName) => (server === 'raw' ? '/query' : '/graphql');

/** The common shape of an answer, or throws with the server's errors. */
export function normaliseAnswer(server: ServerName, q: BenchQuery, body: Json): unknown {
  if (body.errors) throw new Error(`${server} ${q.name}: ${JSON.stringify(body.errors)}`);
  if (server === 'raw') return q.raw.normalise(body.data.result);
  return q[server].normalise(body.data);
}
