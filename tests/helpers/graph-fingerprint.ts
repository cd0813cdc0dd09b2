/** The graph's fingerprint: counts and a hash of every node, relationship, index and constraint. */
import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';

/** JSON with sorted keys; driver values (temporal types) by their string form. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return JSON.stringify(String(value));
    const record = value as Record<string, unknown>;
    // As JSON.stringify: a key whose value is undefined is left out.
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A Cypher condition on `n`: a node of the knowledge, not of the bookkeeping beside it (the
 * revision log, the graph version the response cache reads, API keys).
 */
export const KNOWLEDGE_NODE = 'NOT (n:Revision OR n:RevisionCounter OR n:GraphVersion OR n:ApiKey)';

export interface Fingerprint {
  nodes: number;
  relationships: number;
  indexes: number;
  checksum: string;
}

/**
 * Counts and a hash of the whole graph: equal only when nothing in it changed. The revision log,
 * the graph version the response cache reads, and the API keys are left out (and which revision a
 * document is at): they record changes, and importing a file again after another one leaves the
 * same graph with a longer log and a new version.
 */
export async function graphFingerprint(db: Database): Promise<Fingerprint> {
  const nodes = await db.read(
    `MATCH (n) WHERE ${KNOWLEDGE_NODE}
     RETURN elementId(n) AS id, labels(n) AS labels,
            CASE WHEN n:Document THEN n {.*, revision: null} ELSE properties(n) END AS props`,
  );
  const relationships = await db.read(
    `MATCH (a)-[r]->(b)
     RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to,
            properties(r) AS props`,
  );
  const indexes = await db.read(
    // Not `state`: an index still populating after the seed would look like a change.
    'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const constraints = await db.read(
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const lines = [
    ...nodes.map((row) => `N${canonicalJson(row)}`),
    ...relationships.map((row) => `R${canonicalJson(row)}`),
    ...indexes.map((row) => `I${canonicalJson(row)}`),
    ...constraints.map((row) => `C${canonicalJson(row)}`),
  ];
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    indexes: indexes.length + constraints.length,
    checksum: checksumOf(lines),
  };
}

/** What the graph holds, apart from where Neo4j stored it: comparable across databases. */
export interface GraphContent {
  nodes: number;
  relationships: number;
  checksum: string;
}

/** A hash of lines in any order. */
function checksumOf(lines: string[]): string {
  const hash = createHash('sha256');
  for (const line of [...lines].sort()) hash.update(line).update('\n');
  return hash.digest('hex');
}

/**
 * A hash of what the graph holds, without Neo4j's element ids: equal for two databases loaded
 * with the same facts. Relationships are named by their ends' `id` properties. As in
 * `graphFingerprint`, the revision log and the keys are left out, and so is the source file a
 * document keeps for writes (its wording may differ while its facts are the same).
 */
export async function graphContent(db: Database): Promise<GraphContent> {
  const nodes = await db.read<{ labels: string[]; props: unknown }>(
    `MATCH (n) WHERE ${KNOWLEDGE_NODE}
     RETURN labels(n) AS labels,
            CASE WHEN n:Document THEN n {.*, revision: null, source: null} ELSE properties(n) END AS props`,
  );
  const relationships = await db.read(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
  );
  const lines = [
    ...nodes.map((row) => `N${canonicalJson({ ...row, labels: [...row.labels].sort() })}`),
    ...relationships.map((row) => `R${canonicalJson(row)}`),
  ];
  return { nodes: nodes.length, relationships: relationships.length, checksum: checksumOf(lines) };
}
