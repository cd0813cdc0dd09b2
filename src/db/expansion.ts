import type { LinkType } from '../knowledge/vocabulary.ts';
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
import { kindNames, linkPattern, typedPattern } from './link-pattern.ts';
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
 * The pattern and conditions of a link list from `from`, its values in `params` under names made
 * from `p`, and the expression counting it. Types and direction are drawn into the pattern
 * (link-pattern.ts says which texts that makes), so Neo4j expands only those relationships of a
 * dense node; the far end's kinds are a parameter, and their condition is left out when any kind
 * will do.
 */
function linkMatch(
  spec: LinkSpec,
  from: string,
  p: string,
  params: Record<string, unknown>,
): { match: string; count: string; oneType: boolean } {
  const typed = typedPattern(spec.types);
  const kinds = kindNames(spec.kinds);
  const on = `($on${p} IS NULL OR ${from}.kind IN $on${p})`;
  const conditions: string[] = [];
  if (typed.filtered) {
    params[`types${p}`] = typed.types;
    conditions.push(`type(r) IN $types${p}`);
  }
  if (kinds) {
    params[`kinds${p}`] = kinds;
    conditions.push(`m.kind IN $kinds${p}`);
  }
  const pattern = `MATCH ${linkPattern(from, 'r', typed.label, 'm', spec.direction)}`;
  const where = (all: string[]) => (all.length ? `\n    WHERE ${all.join('\n      AND ')}` : '');
  return {
    match: `${pattern}${where([on, ...conditions])}`,
    // The entity's kind tested outside the count: a count of a pattern alone, of no far-end
    // kind, is the node's degree for the type, which Neo4j reads without expanding.
    count: `CASE WHEN ${on} THEN COUNT { ${pattern}${where(conditions)} } ELSE 0 END`,
    oneType: typed.types.length === 1,
  };
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
 * expansion's shape, its lists' orders, and their link types, directions and whether their far
 * end's kinds are filtered (linkMatch); every other value (the kinds themselves, windows, kinds
 * of fields) goes into `params` under names made from the position `path`.
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
    const { match, count, oneType } = linkMatch(link.spec, node, p, params);
    const inner = expansionCypher(m, link.expansion, p, params);
    // A list, not a map: the driver decodes no key names for it (see LinkAsRead).
    const row = `[
      type(r${p}),
      startNode(r${p}) = ${node},
      ${link.edgeProperties === null ? `properties(r${p})` : propertyProjection(`r${p}`, link.edgeProperties)},
      ${entityValues(m, link.expansion.properties)},
      ${inner.extras}
    ]`;
    // The date key named once: Neo4j then reads its properties as the key needs them, where
    // repeated in the ORDER BY it reads all of them for every link ahead of the sort.
    const date = `${dateKey('m', 'r')} AS linkDate`;
    // The type breaks ties between links to one entity; reading it costs a db hit per link, so
    // a list of one type leaves it out.
    const ties = oneType ? '' : ', type(r)';
    const order = `ORDER BY ${orderKeys(link.spec.order ?? BY_DATE, 'linkDate', 'm.name')}${ties}`;
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
    WITH ${node}, r, m, ${date} ${order}
    SKIP $start${p} LIMIT ${window.read === 'peek' ? `$read${p}` : `$first${p}`}
    WITH ${node}, r AS r${p}, m AS ${m}
    ${inner.clauses}
    RETURN collect(${row}) AS rows${p}
  }
  WITH *, ${counted ? count : '0'} AS count${p}
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
    WITH r, m, ${date} ${order}
    LIMIT $limit${p}
    RETURN collect({r: r, m: m}) AS items${p}
  }
  WITH *, ${count} AS count${p}
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
