import { ENTITY_KINDS, LINK_TYPE_NAMES, type LinkType } from '../knowledge/vocabulary.ts';
import type {
  ExpandedLink,
  Expansion,
  Extras,
  LinkExpansion,
  LinkSpec,
} from '../planner/plan-types.ts';
import type { CitationRow } from './citation-row.ts';
import type { Reads } from './database.ts';
import {
  dateKey,
  type EntityRow,
  entityOf,
  entityValues,
  MAX_SCAN,
  propertyProjection,
} from './entity-row.ts';
import { BY_DATE, orderKeys } from './order.ts';
import {
  isForward,
  itemsRead,
  type Page,
  type PageWindow,
  sliceCypher,
  windowParams,
} from './page.ts';
import { int } from './values.ts';

/**
 * A link row as the query returns it: [type, outgoing, properties, node, extras]. Nested pages
 * hold hundreds of rows, and a map's key names would be decoded again for every one of them.
 */
type LinkAsRead = [LinkType, boolean, Record<string, unknown>, EntityRow, ExtrasAsRead | null];

/** Extras as the query returns them, their link rows as lists. */
export interface ExtrasAsRead {
  citations: CitationRow[] | null;
  links: Page<LinkAsRead>[];
}

const linkOf = (
  expansion: Expansion,
  [type, outgoing, properties, node, extras]: LinkAsRead,
): ExpandedLink => ({
  type,
  direction: outgoing ? 'OUTGOING' : 'INCOMING',
  properties,
  node: entityOf(expansion.properties, node),
  extras: extrasOf(expansion, extras),
});

/** The extras `expansion` read for a row, their link rows made objects, level by level. */
export function extrasOf(expansion: Expansion, read: ExtrasAsRead | null): Extras | null {
  if (!read) return null;
  return {
    citations: read.citations,
    links: read.links.map((page, i) => {
      const below = (expansion.links[i] as LinkExpansion).expansion;
      return { ...page, rows: page.rows.map((row) => linkOf(below, row)) };
    }),
  };
}

/**
 * Relationship types or kinds of a link list, as a query parameter: names of the vocabulary only,
 * checked here whatever their origin, sorted and unique.
 */
function vocabularyNames(names: readonly string[], allowed: readonly string[]): string[] {
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw new Error(`not a name of the vocabulary: ${JSON.stringify(unknown ?? names)}`);
  }
  return [...new Set(names)].sort();
}

/**
 * The pattern and conditions of a link list from `from`, its values (types, kinds, direction) in
 * `params` under names made from `p`. They are values, not text: link lists that differ only in
 * them share one statement text, which Neo4j plans once. Every relationship between two entities
 * is a link of the vocabulary (citations end at Document nodes), so the types also keep the
 * other end an entity.
 */
function linkMatch(
  spec: LinkSpec,
  from: string,
  p: string,
  params: Record<string, unknown>,
): string {
  params[`types${p}`] = vocabularyNames(spec.types, LINK_TYPE_NAMES);
  params[`kinds${p}`] = spec.kinds?.length ? vocabularyNames(spec.kinds, ENTITY_KINDS) : null;
  params[`outgoing${p}`] = spec.direction === 'BOTH' ? null : spec.direction === 'OUTGOING';
  return `MATCH (${from})-[r]-(m)
    WHERE ($on${p} IS NULL OR ${from}.kind IN $on${p})
      AND type(r) IN $types${p}
      AND ($kinds${p} IS NULL OR m.kind IN $kinds${p})
      AND ($outgoing${p} IS NULL OR (startNode(r) = ${from}) = $outgoing${p})`;
}

/**
 * How many items of a list to sort out before slicing a window: up to its end when known, so
 * that Neo4j keeps the top few instead of sorting the whole list (the total is counted apart).
 */
function itemsUpToWindowEnd(window: PageWindow): number {
  if (window.first !== null) return Math.min(window.start + window.first, MAX_SCAN);
  if (window.end !== null) return Math.min(window.end, MAX_SCAN);
  return MAX_SCAN;
}

interface Built {
  /** Clauses that define the extras' variables for the entity variable. */
  clauses: string;
  /** A map expression of the extras, valid after the clauses. */
  extras: string;
}

/**
 * Builds the Cypher for an expansion of the entity in variable `node`. The text depends on the
 * expansion's shape and its lists' orders only; every value (link types, kinds, directions,
 * windows, kinds of fields) goes into `params` under names made from the position `path`.
 */
export function expansionCypher(
  node: string,
  expansion: Expansion,
  path: string,
  params: Record<string, unknown>,
): Built {
  const parts: string[] = [];
  let citations = 'null';
  if (expansion.citations) {
    citations = `citations${path}`;
    parts.push(`
CALL (${node}) {
  MATCH (${node})-[c:CITED_IN]->(d:Document)
  WITH d, c ORDER BY d.id
  UNWIND c.quotes AS quote
  RETURN collect({
    documentId: d.id, quote: quote, note: c.note, said: c.properties,
    document: d {.id, .title, .publisher, .kind, .language, .note}
  }) AS ${citations}
}`);
  }
  const links = expansion.links.map((link, i) => {
    const p = `${path}_${i}`;
    params[`on${p}`] = link.onKinds;
    const m = `m${p}`;
    const match = linkMatch(link.spec, node, p, params);
    const inner = expansionCypher(m, link.expansion, p, params);
    // A list, not a map: the driver decodes no key names for it (see LinkAsRead).
    const row = `[
      type(r${p}),
      startNode(r${p}) = ${node},
      ${link.edgeProperties === null ? `properties(r${p})` : propertyProjection(`r${p}`, link.edgeProperties)},
      ${entityValues(m, link.expansion.properties)},
      ${inner.extras}
    ]`;
    const order = `ORDER BY ${orderKeys(link.spec.order ?? BY_DATE, dateKey('m', 'r'), 'm.name')}, type(r)`;
    const { window } = link;
    if (isForward(window)) {
      // A page read from its start: Neo4j skips and keeps just the page (SKIP/LIMIT), one row
      // more when the client asks whether a page follows; the list is counted apart if asked.
      params[`start${p}`] = int(Math.min(window.start, MAX_SCAN));
      params[`first${p}`] = int(window.first);
      const counted = window.read === 'count';
      if (window.read === 'peek') params[`read${p}`] = int(itemsRead(window));
      const total = counted
        ? `CASE WHEN count${p} > $scan THEN $scan ELSE count${p} END`
        : `$start${p} + size(rows${p})`;
      parts.push(`
CALL (${node}) {
  CALL (${node}) {
    ${match}
    WITH ${node}, r, m ${order}
    SKIP $start${p} LIMIT ${window.read === 'peek' ? `$read${p}` : `$first${p}`}
    WITH ${node}, r AS r${p}, m AS ${m}
    ${inner.clauses}
    RETURN collect(${row}) AS rows${p}
  }
  WITH *, ${counted ? `COUNT { ${match} }` : '0'} AS count${p}
  WITH *, ${total} AS total${p}
  RETURN {
    rows: rows${p}[0..$first${p}],
    offset: CASE WHEN $start${p} > total${p} THEN total${p} ELSE $start${p} END,
    total: total${p}
  } AS links${p}
}`);
      return `links${p}`;
    }
    params[`window${p}`] = windowParams(window);
    params[`limit${p}`] = int(itemsUpToWindowEnd(window));
    parts.push(`
CALL (${node}) {
  CALL (${node}) {
    ${match}
    WITH r, m ${order}
    LIMIT $limit${p}
    RETURN collect({r: r, m: m}) AS items${p}
  }
  WITH *, COUNT { ${match} } AS count${p}
  ${sliceCypher(`$window${p}`, p, `CASE WHEN count${p} > $scan THEN $scan ELSE count${p} END`)}
  CALL (${node}, items${p}, s1${p}, e1${p}) {
    UNWIND items${p}[s1${p}..e1${p}] AS x
    WITH ${node}, x.r AS r${p}, x.m AS ${m}
    ${inner.clauses}
    RETURN collect(${row}) AS rows${p}
  }
  RETURN {rows: rows${p}, offset: s1${p}, total: total${p}} AS links${p}
}`);
    return `links${p}`;
  });
  return {
    clauses: parts.join('\n'),
    extras:
      expansion.citations || links.length > 0
        ? `{citations: ${citations}, links: [${links.join(', ')}]}`
        : 'null',
  };
}

interface ExpandedEntitiesQuery {
  cypher: string;
  params: Readonly<Record<string, unknown>>;
}

// Plans are cached, and so are their expansions: a repeated request reuses the text it built (and
// the text's hash, which the driver and the recent-reads map compute once per string).
const builtQueries = new WeakMap<Expansion, ExpandedEntitiesQuery>();

/** The query reading entities by id with an expansion: rows `id`, `node`, `extras`. */
export function expandedEntitiesQuery(expansion: Expansion): ExpandedEntitiesQuery {
  let query = builtQueries.get(expansion);
  if (!query) {
    query = buildExpandedEntitiesQuery(expansion);
    builtQueries.set(expansion, query);
  }
  return query;
}

function buildExpandedEntitiesQuery(expansion: Expansion): ExpandedEntitiesQuery {
  const params: Record<string, unknown> = { scan: int(MAX_SCAN) };
  const built = expansionCypher('n', expansion, '', params);
  const cypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
${built.clauses}
RETURN id, ${entityValues('n', expansion.properties)} AS node, ${built.extras} AS extras`;
  return { cypher, params };
}

/** An entity read by id, with what its expansion asked for. */
export interface ExpandedEntity {
  node: EntityRow;
  /** Null when the expansion reads nothing beyond the entity. */
  extras: Extras | null;
}

/** Reads entities by id with an expansion, in one query; missing ids are absent from the map. */
export async function readExpanded(
  db: Reads,
  ids: readonly string[],
  expansion: Expansion,
): Promise<Map<string, ExpandedEntity>> {
  const { cypher, params } = expandedEntitiesQuery(expansion);
  const rows = await db.read<{ id: string; node: EntityRow; extras: ExtrasAsRead | null }>(cypher, {
    ...params,
    ids,
  });
  return new Map(
    rows.map(({ id, node, extras }) => [
      id,
      { node: entityOf(expansion.properties, node), extras: extrasOf(expansion, extras) },
    ]),
  );
}
