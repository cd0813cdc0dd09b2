import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, Reads } from '../db/database.ts';
import { int } from '../db/values.ts';

/**
 * The revision log: one (:Revision) node per change, numbered by one counter. Taking the next
 * number locks the counter until the transaction ends, so writes are applied one at a time and
 * each reads what the one before it committed.
 */

export interface RevisionRow {
  number: number;
  at: string;
  author: string;
  authorName: string;
  reason: string;
  document: string;
  action: string;
  /** Ids of the entities it changed. */
  entities: string[];
  /** Identities (type|from|to|key) of the links it changed. */
  links: string[];
  /** The source entry before and after (JSON), null for an addition or a retraction. */
  before: string | null;
  after: string | null;
  /** Which list of the source file the entry is in: entities or links (null for a whole file). */
  list: string | null;
  /** The revision this one reverts, if any. */
  revertOf: number | null;
}

export type RevisionDraft = Omit<RevisionRow, 'number' | 'at'>;

const FIELDS = `r.number AS number, r.at AS at, r.author AS author, r.authorName AS authorName,
  r.reason AS reason, r.document AS document, r.action AS action, r.entities AS entities,
  r.links AS links, r.before AS before, r.after AS after, r.list AS list, r.revertOf AS revertOf`;

/** Takes the next revision number, holding the counter's lock until the transaction ends. */
export async function nextRevision(db: Database, tx: ManagedTransaction): Promise<number> {
  const [row] = await db.run<{ number: number }>(
    tx,
    `MERGE (c:RevisionCounter {id: 'revisions'}) ON CREATE SET c.last = 0
     SET c.last = c.last + 1 RETURN c.last AS number`,
  );
  return (row as { number: number }).number;
}

/** Writes a revision and makes it the document's current one, with its source file. */
export async function recordRevision(
  db: Database,
  tx: ManagedTransaction,
  number: number,
  draft: RevisionDraft,
  source: unknown,
): Promise<RevisionRow> {
  const [row] = await db.run<RevisionRow>(
    tx,
    `MATCH (d:Document {id: $draft.document})
     SET d.source = $source, d.revision = $number
     CREATE (r:Revision {number: $number, at: $at})
     SET r += $draft
     RETURN ${FIELDS}`,
    {
      number: int(number),
      at: new Date().toISOString(),
      draft: { ...draft, revertOf: draft.revertOf === null ? null : int(draft.revertOf) },
      source: JSON.stringify(source),
    },
  );
  return row as RevisionRow;
}

/** What a document's source file is now, and its revision (null before the first). */
export async function currentSource(
  db: Database,
  tx: ManagedTransaction,
  document: string,
): Promise<{ source: string | null; revision: number | null; text: string } | undefined> {
  const [row] = await db.run<{ source: string | null; revision: number | null; text: string }>(
    tx,
    'MATCH (d:Document {id: $document}) RETURN d.source AS source, d.revision AS revision, d.text AS text',
    { document },
  );
  return row;
}

/** The stored source files (JSON) of documents by id; null for one imported without it. */
export async function sourcesOf(
  db: Reads,
  documents: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await db.read<{ id: string; source: string | null }>(
    'UNWIND $documents AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.source AS source',
    { documents: [...documents] },
  );
  return new Map(rows.map((row) => [row.id, row.source]));
}

/** One revision by number. */
export async function revisionByNumber(
  db: Database,
  tx: ManagedTransaction,
  number: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db.run<RevisionRow>(
    tx,
    `MATCH (r:Revision {number: $number}) RETURN ${FIELDS}`,
    { number: int(number) },
  );
  return row;
}

/** Which revisions to list: by author, document, entity, link, time, and after a number. */
export interface RevisionFilter {
  author?: string | null;
  document?: string | null;
  entity?: string | null;
  link?: string | null;
  since?: string | null;
  until?: string | null;
  after?: number | null;
}

/** Revisions matching `filter`, newest first (oldest first with `ascending`), one page of them. */
export async function listRevisions(
  db: Reads,
  filter: RevisionFilter,
  window: { offset: number; limit: number },
  ascending = false,
): Promise<{ rows: RevisionRow[]; total: number }> {
  const [row] = await db.read<{ rows: RevisionRow[]; total: number }>(
    `MATCH (r:Revision)
     WHERE ($author IS NULL OR r.author = $author OR r.authorName = $author)
       AND ($document IS NULL OR r.document = $document)
       AND ($entity IS NULL OR $entity IN r.entities)
       AND ($link IS NULL OR $link IN r.links)
       AND ($since IS NULL OR r.at >= $since)
       AND ($until IS NULL OR r.at < $until)
       AND ($after IS NULL OR r.number > $after)
     WITH r ORDER BY CASE WHEN $ascending THEN r.number ELSE -r.number END
     WITH collect(r) AS found
     RETURN size(found) AS total,
            [r IN found[$offset..($offset + $limit)] | r {${FIELDS.replaceAll(/r\.(\w+) AS \w+/g, '.$1')}}] AS rows`,
    {
      author: filter.author ?? null,
      document: filter.document ?? null,
      entity: filter.entity ?? null,
      link: filter.link ?? null,
      since: filter.since ?? null,
      until: filter.until ?? null,
      after: filter.after == null ? null : int(filter.after),
      ascending,
      offset: int(window.offset),
      limit: int(window.limit),
    },
  );
  return row ?? { rows: [], total: 0 };
}

/** The number of the last revision that changed a document (null before the first). */
export async function documentRevision(db: Reads, document: string): Promise<number | null> {
  const [row] = await db.read<{ revision: number | null }>(
    'MATCH (d:Document {id: $document}) RETURN d.revision AS revision',
    { document },
  );
  return row?.revision ?? null;
}
