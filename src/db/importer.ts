import type { ImportPlan, Properties } from '../knowledge/import-plan.ts';
import { ENTITY_KINDS } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { type Contribution, mergeContributions } from './entity-contributions.ts';

// One source document replaces its own earlier facts: citations it no longer makes are withdrawn,
// and entities and links that no document cites any more are removed. What each document says of
// an entity is kept on its CITED_IN link, and the entity is rebuilt from all of them, so the graph
// does not depend on import order. All in one transaction.

const WITHDRAW_LINK_CITATIONS = `
MATCH (:Document {id: $doc})<-[:CITED_IN]-(n:Entity)-[r]-(:Entity)
WHERE $doc IN r.sources
WITH DISTINCT r, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $doc] AS keep
SET r.quotes = [i IN keep | r.quotes[i]], r.sources = [i IN keep | r.sources[i]],
    r.notes = [i IN keep | r.notes[i]]`;

const WITHDRAW_ENTITY_CITATIONS = `
MATCH (:Document {id: $doc})<-[c:CITED_IN]-(n:Entity)
SET n:_Touched
DELETE c`;

const MERGE_DOCUMENT = `
MERGE (d:Document {id: $document.id})
SET d.title = $document.title, d.publisher = $document.publisher, d.kind = $document.kind,
    d.language = $document.language, d.text = $document.text, d.note = $document.note,
    d.nonFactual = $document.nonFactual`;

const MERGE_ENTITIES = `
MATCH (d:Document {id: $doc})
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:_Touched
MERGE (n)-[c:CITED_IN]->(d)
SET c.quotes = row.quotes, c.note = row.note, c.kind = row.kind, c.properties = row.contribution`;

const CONTRIBUTIONS = `
MATCH (n:_Touched)-[c:CITED_IN]->(d:Document)
WITH n, c ORDER BY d.id
RETURN n.id AS id, collect({kind: c.kind, properties: c.properties}) AS contributions`;

// Kind labels come from the fixed vocabulary, never from input.
const REBUILD_ENTITIES = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
REMOVE n:${ENTITY_KINDS.join(':')}
SET n = row.properties
SET n:$(row.kind)`;

const MERGE_LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.properties
SET r.sources = coalesce(r.sources, []) + [q IN row.quotes | $doc],
    r.quotes = coalesce(r.quotes, []) + row.quotes,
    r.notes = coalesce(r.notes, []) + [q IN row.quotes | coalesce(row.note, '')]`;

const REMOVE_UNCITED_LINKS = `
MATCH (:_Touched)-[r]-(:Entity)
WHERE size(coalesce(r.sources, [])) = 0
WITH DISTINCT r
DELETE r`;

const REMOVE_UNCITED_ENTITIES = `
MATCH (n:_Touched)
WHERE NOT (n)-[:CITED_IN]->(:Document)
DETACH DELETE n`;

// Curators' notes from every document, in one property the full-text index reads.
const NOTE_TEXT = `
MATCH (n:_Touched)-[c:CITED_IN]->(d:Document)
WITH n, c ORDER BY d.id
WITH n, [note IN collect(c.note) WHERE note IS NOT NULL] AS notes
SET n.noteText = CASE WHEN size(notes) = 0 THEN null ELSE reduce(s = head(notes), x IN tail(notes) | s + ' ' + x) END`;

const UNMARK = 'MATCH (n:_Touched) REMOVE n:_Touched';

export interface ImportSummary {
  document: string;
  entities: number;
  links: number;
}

/** Writes a checked source file in one transaction; loading it again changes nothing. */
export async function importPlan(db: Database, plan: ImportPlan): Promise<ImportSummary> {
  const doc = plan.document.id;
  await db.writeTransaction(async (tx) => {
    await db.run(tx, WITHDRAW_LINK_CITATIONS, { doc });
    await db.run(tx, WITHDRAW_ENTITY_CITATIONS, { doc });
    await db.run(tx, MERGE_DOCUMENT, { document: plan.document });
    await db.run(tx, MERGE_ENTITIES, { doc, rows: entityRows(plan) });
    await db.run(tx, MERGE_LINKS, { doc, rows: linkRows(plan) });
    await db.run(tx, REMOVE_UNCITED_LINKS);
    await db.run(tx, REMOVE_UNCITED_ENTITIES);
    const touched = await db.run<{ id: string; contributions: Contribution[] }>(tx, CONTRIBUTIONS);
    const rebuilt = touched.map((row) => mergeContributions(row.id, row.contributions));
    await db.run(tx, REBUILD_ENTITIES, { rows: rebuilt });
    await db.run(tx, NOTE_TEXT);
    await db.run(tx, UNMARK);
  }, 120_000);
  return { document: doc, entities: plan.entities.length, links: plan.links.length };
}

function entityRows(plan: ImportPlan) {
  return plan.entities.map((entity) => ({
    id: entity.id,
    kind: entity.kind,
    quotes: entity.quotes,
    note: entity.note,
    contribution: JSON.stringify(entity.properties),
  }));
}

/** Every link property is set, null when absent, so a re-import also removes what was dropped. */
const LINK_PROPERTIES = ['role', 'accordingTo', 'date', 'validFrom', 'validTo'].flatMap((name) =>
  name === 'role' || name === 'accordingTo'
    ? [name]
    : ['', 'Start', 'End', 'Precision', 'Approximate', 'AsWritten'].map((part) => name + part),
);

function linkRows(plan: ImportPlan) {
  const absent: Properties = Object.fromEntries(LINK_PROPERTIES.map((name) => [name, null]));
  return plan.links.map((link) => ({ ...link, properties: { ...absent, ...link.properties } }));
}
