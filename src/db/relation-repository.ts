import type { Reads } from './database.ts';
import { dateKey, type EntityRow, entityProjection, MAX_SCAN } from './entity-row.ts';
import { type Page, type PageWindow, SLICE_CYPHER, windowParams } from './page.ts';
import { int } from './values.ts';

/** How many SUCCESSOR_OF hops a line of states spans, each way (USSR → Russia is one). */
export const MAX_SUCCESSION = 4;

/** An entity by slug, and, for a country, its line of states: itself, predecessors, successors. */
export interface CountryLine {
  row: EntityRow | null;
  line: EntityRow[];
}

/** The two sides of a relation as lines of states; `key` names the pair in batches. */
export interface RelationPair {
  key: string;
  a: readonly string[];
  b: readonly string[];
}

/** A relation and a day, for the status that holds on it. */
export interface StatusAsk extends RelationPair {
  day: string;
}

/** The lists of things two countries share. */
export type RelationList = 'agreements' | 'events' | 'visits' | 'incidents' | 'figures';

// How a list's entity `n` is reached from a state `s` of one side. Fixed text, never user input.
// Events and incidents count the state's own part and that of persons who held one of its offices.
const ACTOR = (s: string) => `(${s})<-[:HELD_OFFICE*0..1]-(:Entity)-[:PARTICIPATED_IN]->`;

// A visit concerns a state when the state or one of its office holders takes part in it or in an
// event during it (PART_OF), when it happens at a place located in the state, or when the source
// files it under the state (CONCERNS). Each is one way `n` is reached from the state `s`.
const VISIT_WAYS = (s: string) => [
  `(${s})<-[:HELD_OFFICE*0..1]-(:Entity)-[:PARTICIPATED_IN]->(:Event)-[:PART_OF*0..1]->(n:Event {category: 'visit'})`,
  `(${s})<-[:LOCATED_IN|PART_OF*0..2]-()<-[:LOCATED_IN]-(n:Event {category: 'visit'})`,
  `(${s})<-[:CONCERNS]-(n:Event {category: 'visit'})`,
];

/**
 * The ways a list's entities are reached from a state. Events are those both take part in, and
 * the visits that concern both (a visit whose only participant is the visitor still concerns the
 * host), so `events` holds every visit `visits` does.
 */
const WAYS: Record<RelationList | 'coded', (s: string) => string[]> = {
  agreements: (s) => [`(${s})-[:PARTY_TO]->(n:Treaty)`],
  events: (s) => [`${ACTOR(s)}(n:Event)`, ...VISIT_WAYS(s)],
  visits: VISIT_WAYS,
  incidents: (s) => [`${ACTOR(s)}(n:Incident)`],
  figures: (s) => [`(${s})<-[:MEASURES]-(n:Figure)`],
  coded: (s) => [`${ACTOR(s)}(n:Event)`, ...VISIT_WAYS(s), `${ACTOR(s)}(n:Incident)`],
};

/** The entities of a list reached from a state of side `a`: one pattern, or a union of ways. */
const reachedFromA = (list: RelationList | 'coded') => {
  const ways = WAYS[list]('s');
  if (ways.length === 1) return `MATCH ${ways[0]}`;
  return `CALL (s) {
    ${ways.map((way) => `MATCH ${way} RETURN n`).join('\n    UNION\n    ')}
  }`;
};

/** The condition that a state `t` of side `b` reaches `n` too. */
const reachedFromB = (list: RelationList | 'coded') =>
  WAYS[list]('t')
    .map((way) => `EXISTS { MATCH ${way} WHERE t.id IN pair.b }`)
    .join(' OR ');

const listQuery = (list: RelationList) => `
UNWIND $pairs AS pair
CALL (pair) {
  MATCH (s:Entity) WHERE s.id IN pair.a
  ${reachedFromA(list)}
  WITH DISTINCT n
  WHERE ${reachedFromB(list)}
  WITH n ORDER BY ${dateKey('n')}, n.name
  LIMIT $scan
  RETURN collect(${entityProjection('n')}) AS items
}
${SLICE_CYPHER}
RETURN pair.key AS key, items[s1..e1] AS rows, s1 AS offset, total`;

// The dated events and incidents of a relation that happened and carry a CAMEO code: what its
// cooperation–conflict series counts.
const CODED = `
UNWIND $pairs AS pair
CALL (pair) {
  MATCH (s:Entity) WHERE s.id IN pair.a
  ${reachedFromA('coded')}
  WITH DISTINCT n
  WHERE n.cameo IS NOT NULL AND n.dateStart IS NOT NULL
    AND coalesce(n.occurrence, 'happened') = 'happened'
    AND (${reachedFromB('coded')})
  WITH n ORDER BY n.dateStart, n.name
  LIMIT $scan
  RETURN collect(${entityProjection('n')}) AS items
}
RETURN pair.key AS key, items`;

const LIST_QUERIES = Object.fromEntries(
  (['agreements', 'events', 'visits', 'incidents', 'figures'] as RelationList[]).map((list) => [
    list,
    listQuery(list),
  ]),
) as Record<RelationList, string>;

// Status periods BETWEEN a state of each side; `$day` (when given) picks the one holding that day.
const PERIODS = (pair: string, onDay: boolean) => `
  MATCH (s:Entity)<-[:BETWEEN]-(p:StatusPeriod)
  WHERE s.id IN ${pair}.a${
    onDay
      ? ` AND p.validFromStart <= ${pair}.day
    AND (p.validToStart IS NULL OR ${pair}.day < p.validToStart)`
      : ''
  }
  WITH DISTINCT p
  WHERE EXISTS { MATCH (p)-[:BETWEEN]->(t:Entity) WHERE t.id IN ${pair}.b }`;

const HISTORY = `
UNWIND $pairs AS pair
CALL (pair) {
  ${PERIODS('pair', false)}
  WITH p ORDER BY p.validFromStart, p.validToStart, p.id
  LIMIT $scan
  RETURN collect(${entityProjection('p')}) AS periods
}
RETURN pair.key AS key, periods`;

// Overlapping periods (contradicting sources) resolve to the latest begun.
const STATUS = `
UNWIND $asks AS ask
CALL (ask) {
  ${PERIODS('ask', true)}
  WITH p ORDER BY p.validFromStart DESC, p.id
  LIMIT 1
  RETURN collect(${entityProjection('p')}) AS found
}
RETURN ask.key AS key, found[0] AS period`;

// A line of states for each `id`: the entity `c` (null when missing) and `states`.
const LINE_OF_ID = `
OPTIONAL MATCH (c:Entity {id: id})
CALL (c) {
  OPTIONAL MATCH (c:Country)-[:SUCCESSOR_OF*1..${MAX_SUCCESSION}]->(p:Country)
  WITH c, collect(DISTINCT p) AS before
  OPTIONAL MATCH (c:Country)<-[:SUCCESSOR_OF*1..${MAX_SUCCESSION}]-(s:Country)
  WITH c, before, collect(DISTINCT s) AS after
  RETURN CASE WHEN c:Country THEN [c] + before + [x IN after WHERE NOT x IN before] ELSE [] END
    AS states
}`;

const LINES = `
UNWIND $ids AS id
${LINE_OF_ID}
RETURN id, ${entityProjection('c')} AS row, [x IN states | ${entityProjection('x')}] AS line`;

// Both sides' lines, and with them what the client selected: the history (when $history) and
// the status on each of $days, all in one query.
const RELATION = `
CALL () {
  UNWIND [$a, $b] AS id
  ${LINE_OF_ID}
  RETURN collect({id: id, row: ${entityProjection('c')}, line: [x IN states | ${entityProjection('x')}]}) AS sides
}
WITH sides, {
  a: [x IN head([s IN sides WHERE s.id = $a]).line | x.id],
  b: [x IN head([s IN sides WHERE s.id = $b]).line | x.id]
} AS pair
CALL (pair) {
  WITH pair WHERE $history
  ${PERIODS('pair', false)}
  WITH p ORDER BY p.validFromStart, p.validToStart, p.id
  LIMIT $scan
  RETURN collect(${entityProjection('p')}) AS history
}
CALL (pair) {
  UNWIND $days AS day
  WITH day, pair {.*, day: day} AS ask
  CALL (ask) {
    ${PERIODS('ask', true)}
    WITH p ORDER BY p.validFromStart DESC, p.id
    LIMIT 1
    RETURN collect(${entityProjection('p')}) AS found
  }
  RETURN collect({day: day, period: found[0]}) AS statuses
}
RETURN sides, history, statuses`;

/** Both sides of a relation, and the status facts asked along with them. */
export interface RelationFacts {
  sides: (CountryLine & { id: string })[];
  history: EntityRow[];
  statuses: { day: string; period: EntityRow | null }[];
}

/**
 * Relations between two countries. A side is a line of states, followed along SUCCESSOR_OF both
 * ways (not to siblings): Russia's line holds the USSR, so Russia–Israel includes USSR–Israel.
 */
export class RelationRepository {
  constructor(private readonly db: Reads) {}

  /** Entities by slug with their lines of states (empty for a non-country); missing ones absent. */
  async lines(ids: readonly string[]): Promise<Map<string, CountryLine>> {
    const rows = await this.db.read<CountryLine & { id: string }>(LINES, { ids });
    return new Map(rows.filter((r) => r.row).map(({ id, ...line }) => [id, line]));
  }

  /**
   * Both sides' lines in one query, with the history (when asked) and the status on each day of
   * `days` between them. Nothing is checked here: a missing side has a null row.
   */
  async relation(
    a: string,
    b: string,
    wants: { history: boolean; days: readonly string[] },
  ): Promise<RelationFacts> {
    const [row] = await this.db.read<RelationFacts>(RELATION, {
      a,
      b,
      history: wants.history,
      days: wants.days,
      scan: int(MAX_SCAN),
    });
    return row as RelationFacts;
  }

  /** Each relation's status periods in date order. */
  async histories(pairs: readonly RelationPair[]): Promise<Map<string, EntityRow[]>> {
    const rows = await this.db.read<{ key: string; periods: EntityRow[] }>(HISTORY, {
      pairs,
      scan: int(MAX_SCAN),
    });
    return new Map(rows.map((r) => [r.key, r.periods]));
  }

  /** The status period holding on each day asked (`validFromStart <= day < validToStart`). */
  async statuses(asks: readonly StatusAsk[]): Promise<Map<string, EntityRow | null>> {
    const rows = await this.db.read<{ key: string; period: EntityRow | null }>(STATUS, { asks });
    return new Map(rows.map((r) => [r.key, r.period]));
  }

  /** Each relation's dated, CAMEO-coded events and incidents that happened, in date order. */
  async coded(pairs: readonly RelationPair[]): Promise<Map<string, EntityRow[]>> {
    const rows = await this.db.read<{ key: string; items: EntityRow[] }>(CODED, {
      pairs,
      scan: int(MAX_SCAN),
    });
    return new Map(rows.map((r) => [r.key, r.items]));
  }

  /** A page of one list for each relation, in date order, sliced in the database. */
  async pages(
    list: RelationList,
    pairs: readonly RelationPair[],
    window: PageWindow,
  ): Promise<Map<string, Page<EntityRow>>> {
    const rows = await this.db.read<Page<EntityRow> & { key: string }>(LIST_QUERIES[list], {
      pairs,
      scan: int(MAX_SCAN),
      window: windowParams(window),
    });
    return new Map(rows.map(({ key, ...page }) => [key, page]));
  }
}
