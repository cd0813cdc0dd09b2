import type { DocumentRow, EntityRow, Properties } from '../knowledge/import-plan.ts';
import type { EntityKind, LinkType } from '../knowledge/vocabulary.ts';
import type { DocumentStatements } from '../knowledge/write-source-file.ts';
import type { Reads } from './database.ts';
import { LINK_PROPERTIES } from './link-citations.ts';

// What each document states, as the importer keeps it: an entity's statement on its CITED_IN link
// (kind, properties, quotes), a link's in its parallel lists `sources`, `quotes`, `notes`, `said`
// and `context`. Merged values on the nodes are not read: they are rebuilt by the import.

const DOCUMENT = `
MATCH (d:Document {id: $doc})
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.kind AS kind,
       d.language AS language, d.text AS text, d.textFile AS source,
       coalesce(d.nonFactual, []) AS nonFactual, d.note AS note`;

const ENTITIES = `
MATCH (:Document {id: $doc})<-[c:CITED_IN]-(n:Entity)
RETURN n.id AS id, c.kind AS kind, c.properties AS properties, c.quotes AS quotes,
       coalesce(c.context, [q IN c.quotes | false]) AS context, c.note AS note
ORDER BY n.id`;

// Both ends of a document's link are declared in it, so the walk starts at its entities.
const LINKS = `
MATCH (:Document {id: $doc})<-[:CITED_IN]-(a:Entity)-[r]->(b:Entity)
WHERE $doc IN r.sources
WITH r, a, b, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] = $doc] AS own
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS current,
       [i IN own | r.quotes[i]] AS quotes,
       [i IN own | coalesce(r.context[i], false)] AS context,
       r.notes[own[0]] AS note, coalesce(r.said[own[0]], '') AS said
ORDER BY type, from, to, r.key`;

interface LinkStatement {
  type: LinkType;
  from: string;
  to: string;
  current: Properties;
  quotes: string[];
  context: boolean[];
  note: string;
  said: string;
}

/** Reads the graph back as the documents stated it. */
export class ExportRepository {
  constructor(private readonly db: Reads) {}

  /** Every document's id, in id order. */
  async documentIds(): Promise<string[]> {
    const rows = await this.db.read<{ id: string }>(
      'MATCH (d:Document) RETURN d.id AS id ORDER BY id',
    );
    return rows.map((row) => row.id);
  }

  /** What one document states: its text and metadata, its entities and its links. */
  async statementsOf(doc: string): Promise<DocumentStatements> {
    const [document] = await this.db.read<DocumentRow>(DOCUMENT, { doc });
    if (!document) throw new Error(`no document "${doc}" in the graph`);
    const entities = await this.db.read<{
      id: string;
      kind: EntityKind;
      properties: string;
      quotes: string[];
      context: boolean[];
      note: string | null;
    }>(ENTITIES, { doc });
    const links = await this.db.read<LinkStatement>(LINKS, { doc });
    return {
      document,
      entities: entities.map(
        (row): EntityRow => ({ ...row, properties: JSON.parse(row.properties) as Properties }),
      ),
      links: links.map((row) => ({
        type: row.type,
        from: row.from,
        to: row.to,
        // Links stored before each document's statement was kept: their own properties.
        properties: row.said
          ? (JSON.parse(row.said) as Properties)
          : Object.fromEntries(LINK_PROPERTIES.map((name) => [name, row.current[name] ?? null])),
        quotes: row.quotes,
        context: row.context,
        note: row.note || null,
      })),
    };
  }
}
