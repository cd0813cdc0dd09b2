import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { searchKeys } from '../knowledge/search-keys.ts';
import { SORT_DATE_NAMES } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { UNDATED } from './entity-row.ts';

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
  for (const file of FILES) await applyStatements(db, file);
  await db.writeTransaction((tx) => db.run(tx, 'CALL db.awaitIndexes(60)'));
  await db.writeTransaction((tx) => db.run(tx, BACKFILL_SORT_DATES, { undated: UNDATED }));
  await backfillSearchKeys(db);
}

/** Runs one file of `cypher/` (constraints.cypher, indexes.cypher), an index redefined since dropped. */
export async function applyStatements(db: Database, file: string): Promise<void> {
  const text = await readFile(`${CYPHER_DIR}${file}`, 'utf8');
  // Schema changes cannot share a transaction with each other's data: one transaction each.
  for (const statement of statementsOf(text)) {
    await dropIfRedefined(db, statement);
    await db.writeTransaction((tx) => db.run(tx, statement));
  }
}

/** Entities imported before `searchKeys` was stored get it here; the importer sets it on the rest. */
async function backfillSearchKeys(db: Database): Promise<void> {
  const rows = await db.read<{ id: string; name: string | null; aliases: string[] | null }>(
    `MATCH (n:Entity) WHERE n.searchKeys IS NULL
     RETURN n.id AS id, n.name AS name, n.aliases AS aliases`,
  );
  if (rows.length === 0) return;
  const keys = rows.map((r) => ({
    id: r.id,
    keys: searchKeys([r.name ?? '', ...(r.aliases ?? [])]),
  }));
  await db.writeTransaction((tx) =>
    db.run(tx, 'UNWIND $keys AS k MATCH (n:Entity {id: k.id}) SET n.searchKeys = k.keys', {
      keys,
    }),
  );
}

/** The name and properties an index statement defines: `CREATE … INDEX name … ON EACH [n.a, n.b]`. */
export function indexDefinition(statement: string): { name: string; properties: string[] } | null {
  const match =
    /^CREATE\s+(?:\w+\s+)?INDEX\s+(\w+)\s+IF NOT EXISTS[\s\S]*?\bON\s+(?:EACH\s+)?[[(]([^\])]*)[\])]/i.exec(
      statement,
    );
  if (!match) return null;
  const [, name = '', list = ''] = match;
  return { name, properties: list.split(',').map((p) => p.trim().replace(/^\w+\./, '')) };
}

// `IF NOT EXISTS` keeps an index whose properties have since changed: drop it so it is rebuilt.
async function dropIfRedefined(db: Database, statement: string): Promise<void> {
  const wanted = indexDefinition(statement);
  if (!wanted) return;
  const [found] = await db.read<{ properties: string[] }>(
    'SHOW INDEXES YIELD name, properties WHERE name = $name RETURN properties',
    { name: wanted.name },
  );
  if (found && found.properties.join() !== wanted.properties.join()) {
    // The name was matched by the pattern above (word characters only), never user input.
    await db.writeTransaction((tx) => db.run(tx, `DROP INDEX ${wanted.name} IF EXISTS`));
  }
}

// Entities imported before `sortDate` was stored get it here; the importer sets it on the rest.
const BACKFILL_SORT_DATES = `
MATCH (n:Entity) WHERE n.sortDate IS NULL
SET n.sortDate = coalesce(${SORT_DATE_NAMES.map((field) => `n.${field}Start`).join(', ')}, $undated)`;
