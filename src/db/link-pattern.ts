import { ENTITY_KINDS, LINK_TYPE_NAMES, type LinkType } from '../knowledge/vocabulary.ts';
import type { LinkDirection } from '../planner/plan-types.ts';

/**
 * Relationship types or kinds of a link list, as a query parameter: names of the vocabulary only,
 * checked here whatever their origin, sorted and unique.
 */
export function vocabularyNames(names: readonly string[], allowed: readonly string[]): string[] {
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw new Error(`not a name of the vocabulary: ${JSON.stringify(unknown ?? names)}`);
  }
  return [...new Set(names)].sort();
}

/** The kinds a list's far end must be of, checked against the vocabulary; null for any kind. */
export const kindNames = (kinds: readonly string[] | undefined | null): string[] | null =>
  kinds?.length ? vocabularyNames(kinds, ENTITY_KINDS) : null;

/**
 * Most link types a pattern names one by one. Neo4j expands only the named types of a node (a
 * dense node keeps its relationships grouped by type and direction), where a type filtered after
 * the expand reads every relationship of a country with thousands. But each set of types is a
 * statement text of its own, which Neo4j plans (seconds of CPU for a deep statement) and caches
 * apart (1,000 texts by default, docs/hardening.md). With one, a list's pattern is one of
 * 3 directions × (34 types + 2 for larger sets), with or without a kind filter, whatever a client
 * asks; every list of the schema names one type. A larger set expands by every link type and
 * filters by the `$types` parameter: slower on a dense node, but it never multiplies the texts.
 */
export const MAX_TYPES_IN_PATTERN = 1;

/** A relationship pattern's type expression and whether `type(r) IN $types` must still filter. */
export interface TypedPattern {
  /** `:A|B`, names of the vocabulary only (validated), so never text a client wrote. */
  label: string;
  /** The types as the parameter the filter reads (validated, sorted, unique). */
  types: LinkType[];
  filtered: boolean;
}

/** `:A|B|…`: every link type of the vocabulary, so every relationship between two entities. */
export const EVERY_TYPE = `:${[...LINK_TYPE_NAMES].sort().join('|')}`;

/**
 * The type expression for `types`: the types themselves when few, else every link type of the
 * vocabulary, filtered unless all are wanted. Every relationship type but CITED_IN (to Document
 * nodes) is a link between entities, so naming the types also keeps the far end an entity.
 */
export function typedPattern(types: readonly string[]): TypedPattern {
  const names = vocabularyNames(types, LINK_TYPE_NAMES) as LinkType[];
  if (names.length <= MAX_TYPES_IN_PATTERN) {
    return { label: `:${names.join('|')}`, types: names, filtered: false };
  }
  return { label: EVERY_TYPE, types: names, filtered: names.length < LINK_TYPE_NAMES.length };
}

/** `(from)-[r:T]->(to)`: the arrow drawn as the direction says, seen from `from`. */
export function linkPattern(
  from: string,
  r: string,
  label: string,
  to: string,
  direction: LinkDirection,
): string {
  const left = direction === 'INCOMING' ? '<-' : '-';
  const right = direction === 'OUTGOING' ? '->' : '-';
  return `(${from})${left}[${r}${label}]${right}(${to})`;
}
