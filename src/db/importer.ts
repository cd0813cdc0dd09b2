import type { ManagedTransaction } from 'neo4j-driver';
import type { ImportPlan, Properties } from '../knowledge/import-plan.ts';
import { SourceFileError } from '../knowledge/source-file-error.ts';
import { ENTITY_KINDS } from '../knowledge/vocabulary.ts';
import type { Database } from './database.ts';
import { type Contribution, mergeContributions } from './entity-contributions.ts';
import { checkAgainstGraph, inTransaction } from './graph-check.ts';
import { bumpGraphVersion } from './graph-version.ts';
import { type Citation, rebuildLink } from './link-citations.ts';

// One source document replaces its own earlier facts: citations it no longer makes are withdrawn,
// and entities and links that no document cites any more are removed. What each document says of
// an entity is kept on its CITED_IN link, what it says of a link in the link's `said` list, and
// both are rebuilt from all their documents, so the graph does not depend on import order. All in
// one transaction; an entity whose kind contradicts another document refuses the whole file.

const WITHDRAW_LINK_CITATIONS = `
MATCH (:Document {id: $doc})<-[:CITED_IN]-(n:Entity)-[r]-(:Entity)
WHERE $doc IN r.sources
WITH DISTINCT r, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $doc] AS keep
SET r.quotes = [i IN keep | r.quotes[i]], r.sources = [i IN keep | r.sources[i]],
    r.notes = [i IN keep | r.notes[i]], r.said = [i IN keep | coalesce(r.said[i], '')],
    r.context = [i IN keep | coalesce(r.context[i], false)]
RETURN elementId(r) AS id`;

const WITHDRAW_ENTITY_CITATIONS = `
MATCH (:Document {id: $doc})<-[c:CITED_IN]-(n:Entity)
SET n:_Touched
DELETE c`;

const MERGE_DOCUMENT = `
MERGE (d:Document {id: $document.id})
SET d.title = $document.title, d.publisher = $document.publisher, d.kind = $document.kind,
    d.language = $document.language, d.text = $document.text, d.note = $document.note,
    d.nonFactual = $document.nonFactual, d.textFile = $document.source`;

const MERGE_ENTITIES = `
MATCH (d:Document {id: $doc})
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:_Touched
MERGE (n)-[c:CITED_IN]->(d)
SET c.quotes = row.quotes, c.context = row.context, c.note = row.note, c.kind = row.kind,
    c.properties = row.contribution`;

// Identical statements (a country each document declares alike) add nothing to the merge: each
// distinct one is read once, in the order of its first document.
const CONTRIBUTIONS = `
MATCH (n:_Touched)-[c:CITED_IN]->(d:Document)
WITH n, c ORDER BY d.id
RETURN n.id AS id, collect(DISTINCT {kind: c.kind, properties: c.properties}) AS contributions`;

// Kind labels come from the fixed vocabulary, never from input.
const REBUILD_ENTITIES = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
REMOVE n:${ENTITY_KINDS.join(':')}
SET n = row.properties
SET n:$(row.kind)`;

// A link no other document cites takes this document's properties at once; only a link that
// others cite too is returned, to be rebuilt from all its citations.
const MERGE_LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
WITH row, r, size(coalesce(r.sources, [])) > 0 AS shared
SET r.sources = coalesce(r.sources, []) + [q IN row.quotes | $doc],
    r.quotes = coalesce(r.quotes, []) + row.quotes,
    r.notes = coalesce(r.notes, []) + [q IN row.quotes | coalesce(row.note, '')],
    r.said = coalesce(r.said, [s IN coalesce(r.sources, []) | '']) + [q IN row.quotes | row.said],
    r.context = coalesce(r.context, [s IN coalesce(r.sources, []) | false]) + row.context
FOREACH (own IN CASE WHEN shared THEN [] ELSE [row.properties] END | SET r += own)
WITH r WHERE shared
RETURN DISTINCT elementId(r) AS id`;

// Only a link this document withdrew a citation from can be left with none: the others are not
// looked at (an entity cited by thousands of documents has as many links).
const REMOVE_UNCITED_LINKS = `
UNWIND $ids AS id
MATCH ()-[r]->()
WHERE elementId(r) = id AND size(coalesce(r.sources, [])) = 0
DELETE r`;

const LINK_CITATIONS = `
UNWIND $ids AS id
MATCH ()-[r]->()
WHERE elementId(r) = id
RETURN id, [i IN range(0, size(r.sources) - 1) |
  {document: r.sources[i], quote: r.quotes[i], note: r.notes[i],
   said: coalesce(r.said[i], ''), context: coalesce(r.context[i], false)}] AS citations, properties(r) AS current`;

const REBUILD_LINKS = `
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.id
SET r += row.properties, r.sources = row.sources, r.quotes = row.quotes, r.notes = row.notes,
    r.said = row.said, r.context = row.context`;

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
  /** Differences with other documents worth a curator's look (names, values, near-duplicates). */
  warnings: string[];
}

/**
 * Writes a checked source file in one transaction; loading it again changes nothing. `record` runs
 * in the same transaction after the write (the revision the import makes).
 */
export async function importPlan(
  db: Database,
  plan: ImportPlan,
  record?: (tx: ManagedTransaction) => Promise<void>,
): Promise<ImportSummary> {
  let warnings: string[] = [];
  await db.writeTransaction(async (tx) => {
    warnings = await writePlan(db, tx, plan);
    await record?.(tx);
  }, 120_000);
  return {
    document: plan.document.id,
    entities: plan.entities.length,
    links: plan.links.length,
    warnings,
  };
}

/**
 * Writes a checked source file inside `tx`, after checking it against the graph's other documents
 * (SourceFileError when they conflict); returns the warnings worth a curator's look.
 */
export async function writePlan(
  db: Database,
  tx: ManagedTransaction,
  plan: ImportPlan,
): Promise<string[]> {
  const doc = plan.document.id;
  const checked = await checkAgainstGraph(inTransaction(db, tx), [plan]);
  if (checked.errors.length > 0) {
    throw new SourceFileError(
      doc,
      checked.errors.map((e) => ({ path: '(graph)', message: e.message })),
    );
  }
  const withdrawn = await db.run<{ id: string }>(tx, WITHDRAW_LINK_CITATIONS, { doc });
  await db.run(tx, WITHDRAW_ENTITY_CITATIONS, { doc });
  await db.run(tx, MERGE_DOCUMENT, {
    document: { ...plan.document, source: plan.document.source ?? null },
  });
  await db.run(tx, MERGE_ENTITIES, { doc, rows: entityRows(plan) });
  const merged = await db.run<{ id: string }>(tx, MERGE_LINKS, { doc, rows: linkRows(plan) });
  await db.run(tx, REMOVE_UNCITED_LINKS, { ids: withdrawn.map((row) => row.id) });
  await rebuildLinks(db, tx, [...new Set([...withdrawn, ...merged].map((row) => row.id))]);
  await db.run(tx, REMOVE_UNCITED_ENTITIES);
  await rebuildTouched(db, tx);
  await bumpGraphVersion(db, tx);
  return checked.warnings.map((w) => w.message);
}

/** Rebuilds the links of `ids` (element ids) from all the citations they hold. */
export async function rebuildLinks(
  db: Database,
  tx: ManagedTransaction,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const links = await db.run<{ id: string; citations: Citation[]; current: Properties }>(
    tx,
    LINK_CITATIONS,
    { ids },
  );
  await db.run(tx, REBUILD_LINKS, {
    rows: links.map((row) => ({ id: row.id, ...rebuildLink(row) })),
  });
}

/**
 * Rebuilds the entities marked `_Touched` from what all their documents say (labels, properties,
 * notes), and unmarks them.
 */
export async function rebuildTouched(db: Database, tx: ManagedTransaction): Promise<void> {
  const touched = await db.run<{ id: string; contributions: Contribution[] }>(tx, CONTRIBUTIONS);
  const rebuilt = touched.map((row) => mergeContributions(row.id, row.contributions));
  await db.run(tx, REBUILD_ENTITIES, { rows: rebuilt });
  await db.run(tx, NOTE_TEXT);
  await db.run(tx, UNMARK);
}

/** What each entity of a plan says on its CITED_IN link. */
export function entityRows(plan: ImportPlan) {
  return plan.entities.map((entity) => ({
    id: entity.id,
    kind: entity.kind,
    quotes: entity.quotes,
    context: contextOf(entity),
    note: entity.note,
    contribution: JSON.stringify(entity.properties),
  }));
}

/** Each link of a plan with its citation flags and what it states (JSON). */
export function linkRows(plan: ImportPlan) {
  return plan.links.map((link) => ({
    ...link,
    context: contextOf(link),
    said: JSON.stringify(link.properties),
  }));
}

/** Which quotes are context only; a plan made without the flags cites every quote as a statement. */
function contextOf(row: { quotes: string[]; context?: boolean[] }): boolean[] {
  return row.quotes.map((_, i) => row.context?.[i] ?? false);
}
