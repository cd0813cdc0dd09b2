import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { crossCheck } from '../knowledge/cross-check.ts';
import type { SourceFileRead } from '../knowledge/read-source-file.ts';
import { SourceFileError } from '../knowledge/source-file-error.ts';
import type { Database } from './database.ts';
import { mergeContributions } from './entity-contributions.ts';
import { bumpGraphVersion } from './graph-version.ts';
import { entityRows, linkRows, rebuildLinks, rebuildTouched } from './importer.ts';
import { applySchema, applyStatements } from './schema-setup.ts';
import { int } from './values.ts';

// A first load of many files into an empty graph gives the graph `npm run import` of the same files
// would (revisions included), without the per-document reads an import into a full graph needs:
// what is new is created, and only what several documents state (an entity, a link) is merged and
// rebuilt. Which entities and links were seen before is kept as 53-bit digests, so memory grows by a
// few bytes per entity and link, never by documents; a digest seen before is treated as "maybe the
// same" and goes the exact (merge) way. Documents are written whole, several per transaction; any
// failure removes everything the load wrote, so the graph is left empty, never half loaded.

const MARKER = 'BulkLoad';

const CREATE_DOCUMENTS = `
UNWIND $rows AS row
CREATE (d:Document)
SET d = row.document
FOREACH (revision IN CASE WHEN row.revision IS NULL THEN [] ELSE [row.revision] END |
  CREATE (r:Revision {number: revision.number, at: $at}) SET r += revision)`;

const CREATE_ENTITIES = `
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
CREATE (n:Entity)
SET n = row.properties, n:$(row.kind)
CREATE (n)-[:CITED_IN {quotes: row.quotes, context: row.context, note: row.note, kind: row.kind,
                       properties: row.contribution}]->(d)`;

// An entity another document (or a digest alike) declared: merged, marked to be rebuilt at the end.
const MERGE_ENTITIES = `
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (n:Entity {id: row.id})
SET n:_Repeated
CREATE (n)-[:CITED_IN {quotes: row.quotes, context: row.context, note: row.note, kind: row.kind,
                       properties: row.contribution}]->(d)`;

const KIND_CONFLICTS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[c:CITED_IN]->(d:Document)
WITH id, collect(DISTINCT c.kind) AS kinds, collect({document: d.id, kind: c.kind}) AS declared
WHERE size(kinds) > 1
RETURN id, declared`;

const CREATE_LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties`;

// As the importer merges a link: its citations appended, rebuilt below when others cite it too.
const MERGE_LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
WITH row, r, size(coalesce(r.sources, [])) > 0 AS shared
SET r.sources = coalesce(r.sources, []) + [q IN row.quotes | row.doc],
    r.quotes = coalesce(r.quotes, []) + row.quotes,
    r.notes = coalesce(r.notes, []) + [q IN row.quotes | coalesce(row.note, '')],
    r.said = coalesce(r.said, []) + [q IN row.quotes | row.said],
    r.context = coalesce(r.context, []) + row.context
FOREACH (own IN CASE WHEN shared THEN [] ELSE [row.properties] END | SET r += own)
WITH r WHERE shared
RETURN DISTINCT elementId(r) AS id`;

const TOUCH_REPEATED = `
MATCH (n:_Repeated) WITH n LIMIT $limit
REMOVE n:_Repeated SET n:_Touched
RETURN count(n) AS marked`;

const WRITTEN = 'n:Entity OR n:Document OR n:Revision OR n:RevisionCounter OR n:_Repeated';

export interface BulkLoadOptions {
  /** Entities per transaction, about (documents are never split). */
  batchEntities?: number;
  /**
   * Whether each document gets its revision and keeps its source file, as `npm run import` does
   * (default); without, the graph is the one `importPlan` alone writes.
   */
  revisions?: boolean;
  /** Called as each document is written. */
  onDocument?: (read: SourceFileRead) => void;
  log?: (line: string) => void;
}

export interface BulkLoadSummary {
  documents: number;
  entities: number;
  links: number;
}

/** A 53-bit digest of a string (two 32-bit FNV-1a variants), exact enough to say "seen before". */
export function digest(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Loads checked source files into an empty graph (none of its documents, entities or revisions
 * yet; a graph left by an interrupted bulk load is emptied first) and then builds its indexes.
 * The first failure (a file that does not read, two documents giving an entity two kinds) removes
 * everything written and is thrown.
 */
export async function bulkLoad(
  db: Database,
  reads: AsyncIterable<SourceFileRead>,
  options: BulkLoadOptions = {},
): Promise<BulkLoadSummary> {
  const log = options.log ?? (() => {});
  await claimEmptyGraph(db, log);
  const kinds = new Map<number, string>();
  const links = new Set<number>();
  const summary: BulkLoadSummary = { documents: 0, entities: 0, links: 0 };
  let writing: Promise<void> = Promise.resolve();
  let batch: SourceFileRead[] = [];
  let size = 0;
  // Rows of the next batch are made while the one before is written.
  const flush = async () => {
    const rows = batchRows(batch, summary.documents, kinds, links, options.revisions ?? true);
    const written = batch;
    summary.documents += batch.length;
    batch = [];
    size = 0;
    await writing;
    writing = writeBatch(db, rows).then(() => {
      for (const read of written) options.onDocument?.(read);
    });
    writing.catch(() => {}); // awaited in turn; this only avoids an unhandled rejection meanwhile
  };
  try {
    for await (const read of reads) {
      batch.push(read);
      size += read.plan.entities.length;
      if (size >= (options.batchEntities ?? 2_000)) await flush();
    }
    if (batch.length > 0) await flush();
    await writing;
    summary.entities = kinds.size;
    summary.links = links.size;
    await finish(db, (options.revisions ?? true) ? summary.documents : 0, log);
  } catch (error) {
    await writing.catch(() => {});
    log('bulk load failed: removing what it wrote');
    await removeWritten(db);
    throw error;
  }
  return summary;
}

interface BatchRows {
  documents: Record<string, unknown>[];
  fresh: Record<string, unknown>[];
  repeated: Record<string, unknown>[];
  suspects: { id: string; doc: string }[];
  newLinks: Record<string, unknown>[];
  sharedLinks: Record<string, unknown>[];
}

/** The rows a batch of documents writes, sorted into new and maybe-seen entities and links. */
function batchRows(
  batch: SourceFileRead[],
  before: number,
  kinds: Map<number, string>,
  links: Set<number>,
  revisions: boolean,
): BatchRows {
  const rows: BatchRows = {
    documents: [],
    fresh: [],
    repeated: [],
    suspects: [],
    newLinks: [],
    sharedLinks: [],
  };
  batch.forEach(({ plan, source }, i) => {
    const doc = plan.document.id;
    const { source: textFile, ...document } = plan.document;
    const number = before + i + 1;
    rows.documents.push({
      document: {
        ...document,
        textFile: textFile ?? null,
        ...(revisions ? { source: JSON.stringify(source), revision: int(number) } : {}),
      },
      revision: revisions ? revisionOf(number, plan) : null,
    });
    for (const row of entityRows(plan)) {
      const key = digest(row.id);
      const kind = kinds.get(key);
      if (kind === undefined) {
        kinds.set(key, row.kind);
        const { properties } = mergeContributions(row.id, [
          { kind: row.kind, properties: row.contribution },
        ]);
        rows.fresh.push({ ...row, doc, properties: { ...properties, noteText: row.note } });
      } else {
        rows.repeated.push({ ...row, doc });
        if (kind !== row.kind) rows.suspects.push({ id: row.id, doc });
      }
    }
    for (const row of linkRows(plan)) {
      const key = digest(`${row.type}|${row.from}|${row.to}|${row.key}`);
      if (links.has(key)) {
        rows.sharedLinks.push({ ...row, doc });
        continue;
      }
      links.add(key);
      const stated = Object.fromEntries(
        Object.entries(row.properties).filter(([, value]) => value !== null),
      );
      rows.newLinks.push({
        type: row.type,
        from: row.from,
        to: row.to,
        properties: {
          ...stated,
          key: row.key,
          sources: row.quotes.map(() => doc),
          quotes: row.quotes,
          notes: row.quotes.map(() => row.note ?? ''),
          said: row.quotes.map(() => row.said),
          context: row.context,
        },
      });
    }
  });
  return rows;
}

function revisionOf(number: number, plan: SourceFileRead['plan']) {
  return {
    number: int(number),
    author: 'import',
    authorName: 'import',
    reason: 'imported from its source file',
    document: plan.document.id,
    action: 'import',
    entities: plan.entities.map((e) => e.id),
    links: plan.links.map((l) => `${l.type}|${l.from}|${l.to}|${l.key}`),
  };
}

async function writeBatch(db: Database, rows: BatchRows): Promise<void> {
  await db.writeTransaction(async (tx) => {
    await db.run(tx, CREATE_DOCUMENTS, { rows: rows.documents, at: new Date().toISOString() });
    await db.run(tx, CREATE_ENTITIES, { rows: rows.fresh });
    if (rows.repeated.length > 0) await db.run(tx, MERGE_ENTITIES, { rows: rows.repeated });
    if (rows.suspects.length > 0) await refuseKindConflicts(db, tx, rows.suspects);
    await db.run(tx, CREATE_LINKS, { rows: rows.newLinks });
    if (rows.sharedLinks.length > 0) {
      const shared = await db.run<{ id: string }>(tx, MERGE_LINKS, { rows: rows.sharedLinks });
      await rebuildLinks(
        db,
        tx,
        shared.map((row) => row.id),
      );
    }
  }, 600_000);
}

/** An entity given two kinds refuses the load, with the message the importer gives. */
async function refuseKindConflicts(
  db: Database,
  tx: ManagedTransaction,
  suspects: BatchRows['suspects'],
) {
  const [conflict] = await db.run<{ id: string; declared: { document: string; kind: string }[] }>(
    tx,
    KIND_CONFLICTS,
    { ids: suspects.map((s) => s.id) },
  );
  if (!conflict) return; // digests alike, entities not
  const file = suspects.find((s) => s.id === conflict.id)?.doc ?? conflict.id;
  const statements = conflict.declared
    .sort((a, b) => a.document.localeCompare(b.document))
    .map((d) => ({ ...d, id: conflict.id, properties: {} }));
  const errors = crossCheck(statements, []).errors;
  throw new SourceFileError(
    file,
    errors.map((e) => ({ path: '(graph)', message: e.message })),
  );
}

async function claimEmptyGraph(db: Database, log: (line: string) => void): Promise<void> {
  const [state] = await db.read<{ written: boolean; marker: boolean }>(
    `RETURN EXISTS { MATCH (n) WHERE ${WRITTEN} } AS written, EXISTS { MATCH (:${MARKER}) } AS marker`,
  );
  if (state?.written && !state.marker) {
    throw new Error(
      'a bulk load fills an empty graph only: this one already holds documents, entities or ' +
        'revisions (import into it without --bulk)',
    );
  }
  if (state?.marker) {
    log('an earlier bulk load was interrupted: removing what it wrote');
    await removeWritten(db);
  }
  await db.writeTransaction((tx) => db.run(tx, `MERGE (:${MARKER} {id: 'bulk'})`));
  await applyStatements(db, 'constraints.cypher');
  // Indexes already there stay (servers running on this Neo4j keep their plans); those missing are
  // built once the data is in, one build rather than an update per row.
}

/**
 * The repeated entities rebuilt, the indexes once the data is in, the revision counter at
 * `revisions` (none for 0), and the graph's version renewed.
 */
async function finish(db: Database, revisions: number, log: (line: string) => void) {
  for (let marked = 1; marked > 0; ) {
    marked = await db.writeTransaction(async (tx) => {
      const [row] = await db.run<{ marked: number }>(tx, TOUCH_REPEATED, { limit: int(2_000) });
      await rebuildTouched(db, tx);
      return row?.marked ?? 0;
    }, 600_000);
  }
  log('data written: building indexes');
  await applyStatements(db, 'indexes.cypher');
  await db.writeTransaction((tx) => db.run(tx, 'CALL db.awaitIndexes(3600)'), 3_600_000);
  await applySchema(db);
  await db.writeTransaction(async (tx) => {
    if (revisions > 0) {
      await db.run(tx, `MERGE (c:RevisionCounter {id: 'revisions'}) SET c.last = $last`, {
        last: int(revisions),
      });
    }
    await db.run(tx, `MATCH (m:${MARKER}) DELETE m`);
    await bumpGraphVersion(db, tx);
  });
}

/** Removes what a bulk load writes, in batches (a graph of millions is more than one transaction). */
async function removeWritten(db: Database): Promise<void> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(
      `MATCH (n) WHERE ${WRITTEN} OR n:${MARKER}
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
    );
  } finally {
    await session.close();
  }
}
