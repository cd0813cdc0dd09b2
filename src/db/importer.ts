import type { ImportPlan } from '../knowledge/import-plan.ts';
import type { Database } from './database.ts';

// One source document replaces its own earlier facts: citations it no longer makes are withdrawn,
// and entities and links that no document cites any more are removed. All in one transaction.

const WITHDRAW_LINK_CITATIONS = `
MATCH (:Document {id: $doc})<-[:CITED_IN]-(n:Entity)-[r]-(:Entity)
WHERE $doc IN r.sources
WITH DISTINCT r, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $doc] AS keep
SET r.quotes = [i IN keep | r.quotes[i]], r.sources = [i IN keep | r.sources[i]]`;

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
SET n:$(row.kind):_Touched
SET n += row.properties, n.kind = row.kind
WITH n, row, d, [a IN coalesce(n.aliases, []) WHERE NOT a IN row.properties.aliases] AS older
SET n.aliases = older + row.properties.aliases
SET n.aliasText = reduce(text = '', a IN n.aliases | text + a + '; ')
MERGE (n)-[c:CITED_IN]->(d)
SET c.quotes = row.quotes, c.note = row.note`;

const MERGE_LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.properties, r.note = coalesce(row.note, r.note)
SET r.sources = coalesce(r.sources, []) + [q IN row.quotes | $doc],
    r.quotes = coalesce(r.quotes, []) + row.quotes`;

const REMOVE_UNCITED_LINKS = `
MATCH (:_Touched)-[r]-(:Entity)
WHERE size(coalesce(r.sources, [])) = 0
WITH DISTINCT r
DELETE r`;

const REMOVE_UNCITED_ENTITIES = `
MATCH (n:_Touched)
WHERE NOT (n)-[:CITED_IN]->(:Document)
DETACH DELETE n`;

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
    await db.run(tx, MERGE_ENTITIES, { doc, rows: plan.entities });
    await db.run(tx, MERGE_LINKS, { doc, rows: plan.links });
    await db.run(tx, REMOVE_UNCITED_LINKS);
    await db.run(tx, REMOVE_UNCITED_ENTITIES);
    await db.run(tx, UNMARK);
  }, 120_000);
  return { document: doc, entities: plan.entities.length, links: plan.links.length };
}
