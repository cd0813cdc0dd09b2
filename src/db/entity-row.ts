import { type EntityKind, SORT_DATE_NAMES } from '../knowledge/vocabulary.ts';

/** An entity as read from Neo4j: its properties, with `kind` naming its type. */
export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string;
  [property: string]: unknown;
}

/**
 * Cypher projection of an entity node into an EntityRow: every property, or only `properties`
 * (with id and kind) when the client's selection needs no others.
 */
export function entityProjection(variable: string, properties: readonly string[] | null = null) {
  if (properties === null)
    return `${variable} {.*, aliasText: null, searchKeys: null, sortDate: null}`;
  // id and kind always, as every row needs them (global ids, type resolution).
  return propertyProjection(variable, ['id', 'kind', ...properties]);
}

// Plans are cached and so are their property lists: each list's names are worked out once, not
// again for every row read with it.
const namesOf = new WeakMap<readonly string[], readonly string[]>();

/** The properties a projection of `properties` reads, in the order `entityValues` lists them. */
export function projectedNames(properties: readonly string[]): readonly string[] {
  let names = namesOf.get(properties);
  if (!names) {
    names = checkedNames(['id', 'kind', ...properties]);
    namesOf.set(properties, names);
  }
  return names;
}

/**
 * Cypher listing an entity's values for a known set of properties (see projectedNames), else its
 * whole map: inside pages of hundreds of entities, a list spares the driver decoding the same key
 * names again for each (entityOf turns it back into an EntityRow).
 */
export function entityValues(variable: string, properties: readonly string[] | null): string {
  if (properties === null) return entityProjection(variable);
  return `[${projectedNames(properties)
    .map((name) => `${variable}.${name}`)
    .join(', ')}]`;
}

/** The EntityRow of what `entityValues(…, properties)` returned. */
export function entityOf(properties: readonly string[] | null, read: unknown): EntityRow {
  if (properties === null) return read as EntityRow;
  const values = read as unknown[];
  const row: Record<string, unknown> = {};
  projectedNames(properties).forEach((name, i) => {
    row[name] = values[i];
  });
  return row as EntityRow;
}

/**
 * The names, each once. They are declared by the schema's fields (planner/reads.ts), never taken
 * from a request, and checked here before any becomes query text.
 */
function checkedNames(properties: readonly string[]): string[] {
  const names = [...new Set(properties)];
  const bad = names.find((name) => !/^[A-Za-z][A-Za-z0-9]*$/.test(name));
  if (bad !== undefined) throw new Error(`not a property name: ${JSON.stringify(bad)}`);
  return names;
}

/** `variable {.a, .b}` for the named properties (checked), `{}` for none. */
export function propertyProjection(variable: string, properties: readonly string[]): string {
  const names = checkedNames(properties);
  return names.length ? `${variable} {${names.map((name) => `.${name}`).join(', ')}}` : '{}';
}

/** Longest list any one query collects before slicing a page out of it. */
export const MAX_SCAN = 10_000;

/** Where undated entities sort: after every date. */
export const UNDATED = '9999-12-31';

/** An entity's `sortDate`: the first day of its first date of SORT_DATE_NAMES, else UNDATED. */
export function sortDateOf(properties: Record<string, unknown>): string {
  for (const field of SORT_DATE_NAMES) {
    const start = properties[`${field}Start`];
    if (typeof start === 'string') return start;
  }
  return UNDATED;
}

/**
 * Sort key putting dated things in date order, undated last: a link's own date first, then the
 * entity's `sortDate` (stored with it, so ordering reads one property, not six).
 */
export const dateKey = (node: string, rel?: string) =>
  rel ? `coalesce(${rel}.dateStart, ${rel}.validFromStart, ${node}.sortDate)` : `${node}.sortDate`;
