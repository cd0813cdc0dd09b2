import type { Properties } from '../knowledge/import-plan.ts';
import type { Database } from './database.ts';
import { LINK_PROPERTIES } from './link-citations.ts';

/** Which document states which value: `{ property: { document: value } }`. */
export type Backing = Record<string, Record<string, unknown>>;

export interface EntityProvenance {
  id: string;
  kind: string;
  /** The entity as stored, merged from its documents. */
  properties: Properties;
  backing: Backing;
  quotes: Record<string, string[]>;
}

export interface LinkProvenance {
  type: string;
  from: string;
  to: string;
  key: string;
  properties: Properties;
  backing: Backing;
  quotes: Record<string, string[]>;
}

const ENTITIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[c:CITED_IN]->(d:Document)
WITH n, c, d ORDER BY d.id
RETURN n.id AS id, n.kind AS kind, properties(n) AS properties,
       collect({document: d.id, properties: c.properties, quotes: c.quotes}) AS documents`;

const LINKS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(:Entity)
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, r.key AS key,
       properties(r) AS properties
ORDER BY from, type, to, key`;

/** What the graph holds of these entities and their links, and which document backs each value. */
export async function provenanceOf(
  db: Database,
  ids: string[],
): Promise<{ entities: EntityProvenance[]; links: LinkProvenance[] }> {
  const entities = await db.read<{
    id: string;
    kind: string;
    properties: Properties;
    documents: { document: string; properties: string; quotes: string[] }[];
  }>(ENTITIES, { ids });
  const links = await db.read<{
    type: string;
    from: string;
    to: string;
    key: string;
    properties: Properties;
  }>(LINKS, { ids });
  return {
    entities: entities.map(({ id, kind, properties, documents }) => {
      const { aliasText: _, searchKeys: ___, sortDate: __, ...stored } = properties;
      return {
        id,
        kind,
        properties: stored,
        backing: backing(
          documents.map((d) => ({ document: d.document, said: JSON.parse(d.properties) })),
        ),
        quotes: Object.fromEntries(documents.map((d) => [d.document, d.quotes])),
      };
    }),
    links: links.map(({ type, from, to, key, properties }) => {
      const sources = (properties.sources as string[]) ?? [];
      const quotes = (properties.quotes as string[]) ?? [];
      const said = (properties.said as string[] | null) ?? [];
      const byDocument: Record<string, string[]> = {};
      sources.forEach((doc, i) => {
        byDocument[doc] = [...(byDocument[doc] ?? []), quotes[i] ?? ''];
      });
      return {
        type,
        from,
        to,
        key,
        properties: Object.fromEntries(
          LINK_PROPERTIES.flatMap((p) => (properties[p] == null ? [] : [[p, properties[p]]])),
        ),
        backing: backing(
          sources.map((document, i) => ({
            document,
            said: said[i] ? (JSON.parse(said[i]) as Properties) : {},
          })),
        ),
        quotes: byDocument,
      };
    }),
  };
}

/** Each stated (non-null) property with the value each document gives it. */
function backing(statements: { document: string; said: Properties }[]): Backing {
  const result: Backing = {};
  for (const { document, said } of statements) {
    for (const [name, value] of Object.entries(said)) {
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      result[name] = { ...result[name], [document]: value };
    }
  }
  return result;
}

/** An entity of the graph a curator looked up, with the documents that declare it. */
export interface NamedEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  documents: string[];
}

const NAMED = `
MATCH (n:Entity)
WHERE n.id = $q OR toLower(n.name) CONTAINS $q
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $q)
WITH n LIMIT 50
OPTIONAL MATCH (n)-[:CITED_IN]->(d:Document)
WITH n, d ORDER BY d.id
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases,
       collect(d.id) AS documents
ORDER BY toLower(n.name) = $q OR any(a IN n.aliases WHERE toLower(a) = $q) DESC, id`;

/** Entities of the graph whose id is `query`, or whose name or an alias contains it (case aside). */
export async function entitiesNamed(db: Database, query: string): Promise<NamedEntity[]> {
  return db.read<NamedEntity>(NAMED, { q: query.trim().toLowerCase() });
}
