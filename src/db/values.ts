import neo4j, { type Integer } from 'neo4j-driver';

/** JS numbers travel as floats; LIMIT, SKIP and range() need Cypher integers. */
export function int(value: number): Integer {
  return neo4j.int(Math.trunc(value));
}
