import type { EntityKind } from '../knowledge/vocabulary.ts';

/** An entity as read from Neo4j: its properties, with `kind` naming its type. */
export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string;
  [property: string]: unknown;
}

/** Cypher projection of an entity node `n` into an EntityRow. */
export const entityProjection = (variable: string) => `${variable} {.*, aliasText: null}`;

/** Longest list any one query collects before slicing a page out of it. */
export const MAX_SCAN = 10_000;

/** Sort key putting dated things in date order, undated last. */
export const dateKey = (node: string, rel?: string) =>
  `coalesce(${rel ? `${rel}.dateStart, ${rel}.validFromStart, ` : ''}${node}.dateStart, ${node}.signedStart, ` +
  `${node}.inForceStart, ${node}.validFromStart, ${node}.startStart, ${node}.periodStart, '9999-12-31')`;
