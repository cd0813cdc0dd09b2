import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';
import { SORT_DATE_FIELDS, UNDATED } from './entity-row.ts';

const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
const FILES = ['constraints.cypher', 'indexes.cypher'];

/** Splits a .cypher file into statements, dropping `//` comment lines. */
export function statementsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies the constraints and indexes in `cypher/` (all `IF NOT EXISTS`), waits for them, and
 * gives older graphs the properties this version stores.
 */
export async function applySchema(db: Database): Promise<void> {
  for (const file of FILES) {
    const text = await readFile(`${CYPHER_DIR}${file}`, 'utf8');
    // Schema changes cannot share a transaction with each other's data: one transaction each.
    for (const statement of statementsOf(text)) {
      await db.writeTransaction((tx) => db.run(tx, statement));
    }
  }
  await db.writeTransaction((tx) => db.run(tx, 'CALL db.awaitIndexes(60)'));
  await db.writeTransaction((tx) => db.run(tx, BACKFILL_SORT_DATES, { undated: UNDATED }));
}

// Entities imported before `sortDate` was stored get it here; the importer sets it on the rest.
const BACKFILL_SORT_DATES = `
MATCH (n:Entity) WHERE n.sortDate IS NULL
SET n.sortDate = coalesce(${SORT_DATE_FIELDS.map((field) => `n.${field}Start`).join(', ')}, $undated)`;
