/** The graph's fingerprint: counts and a hash of every node, relationship, index and constraint. */
import { createHash } from 'node:crypto';
import type { TestHelper } from './test-helper.ts';

/** JSON with sorted keys; driver values (temporal types) by their string form. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return JSON.stringify(String(value));
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  indexes: number;
  checksum: string;
}

export async function fingerprint(helper: TestHelper): Promise<Fingerprint> {
  const nodes = await helper.db.read(
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await helper.db.read(
    `MATCH (a)-[r]->(b)
     RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to,
            properties(r) AS props`,
  );
  const indexes = await helper.db.read(
    // Not `state`: an index still populating after the seed would look like a change.
    'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const constraints = await helper.db.read(
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties',
  );
  const lines = [
    ...nodes.map((row) => `N${canonical(row)}`),
    ...relationships.map((row) => `R${canonical(row)}`),
    ...indexes.map((row) => `I${canonical(row)}`),
    ...constraints.map((row) => `C${canonical(row)}`),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    indexes: indexes.length + constraints.length,
    checksum: hash.digest('hex'),
  };
}
