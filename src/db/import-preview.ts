import {
  DATE_PROPERTY_SUFFIXES,
  type ImportPlan,
  type Properties,
} from '../knowledge/import-plan.ts';
import type { Database } from './database.ts';
import { checkAgainstGraph, reading } from './graph-check.ts';

/** What importing a plan would do, without writing anything. */
export interface ImportPreview {
  document: string;
  /** New entities and links. */
  added: string[];
  /** Entities and links other documents already state, that this document would also cite. */
  merged: string[];
  /** Facts this document already states, whose values or quotes would change. */
  changed: string[];
  /** Facts this document already states alike. */
  unchanged: string[];
  /** Facts this document states today and would no longer state. */
  withdrawn: string[];
  /** Refusals (the import would fail) and warnings, as the import reports them. */
  errors: string[];
  warnings: string[];
}

const ENTITIES = `
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.id})
OPTIONAL MATCH (n)-[c:CITED_IN]->(d:Document)
WITH row, n, collect({doc: d.id, properties: c.properties, quotes: c.quotes}) AS cited
RETURN row.id AS id, n IS NOT NULL AS exists,
       [x IN cited WHERE x.doc IS NOT NULL AND x.doc <> $doc | x.doc] AS others,
       [x IN cited WHERE x.doc = $doc][0] AS own`;

const WITHDRAWN_ENTITIES = `
MATCH (n:Entity)-[:CITED_IN]->(:Document {id: $doc})
WHERE NOT n.id IN $ids
RETURN n.id AS id, [(n)-[:CITED_IN]->(d:Document) WHERE d.id <> $doc | d.id] AS others
ORDER BY id`;

const LINKS = `
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE type(r) = row.type AND r.key = row.key
WITH row, r, coalesce(r.sources, []) AS sources
RETURN row.type + '|' + row.from + '|' + row.to + '|' + row.key AS id, r IS NOT NULL AS exists,
       [s IN sources WHERE s <> $doc] AS others,
       [i IN range(0, size(sources) - 1) WHERE sources[i] = $doc | r.quotes[i]] AS quotes,
       [i IN range(0, size(sources) - 1) WHERE sources[i] = $doc | r.said[i]] AS said`;

const WITHDRAWN_LINKS = `
MATCH (:Document {id: $doc})<-[:CITED_IN]-(:Entity)-[r]-(:Entity)
WHERE $doc IN r.sources
WITH DISTINCT r
WITH r, type(r) + '|' + startNode(r).id + '|' + endNode(r).id + '|' + r.key AS id
WHERE NOT id IN $ids
RETURN id, [s IN r.sources WHERE s <> $doc] AS others
ORDER BY id`;

/** Compares a plan with the graph: what its import would add, merge, change and withdraw. */
export async function previewImport(db: Database, plan: ImportPlan): Promise<ImportPreview> {
  const doc = plan.document.id;
  const preview: ImportPreview = {
    document: doc,
    added: [],
    merged: [],
    changed: [],
    unchanged: [],
    withdrawn: [],
    errors: [],
    warnings: [],
  };
  const also = (others: string[]) => `also stated by ${[...new Set(others)].join(', ')}`;

  const entityRows = plan.entities.map((e) => ({
    id: e.id,
    said: JSON.stringify(e.properties),
    quotes: e.quotes,
  }));
  const entities = await db.read<{
    id: string;
    exists: boolean;
    others: string[];
    own: { properties: string; quotes: string[] } | null;
  }>(ENTITIES, { doc, rows: entityRows });
  entities.forEach((row, i) => {
    const planned = entityRows[i] as (typeof entityRows)[number];
    const properties = plan.entities[i]?.properties ?? {};
    const entity = `entity ${row.id} (${plan.entities[i]?.kind})${attribution(properties)}`;
    if (!row.exists) preview.added.push(entity);
    else if (!row.own) preview.merged.push(`${entity}, ${also(row.others)}`);
    else if (row.own.properties === planned.said && same(row.own.quotes, planned.quotes))
      preview.unchanged.push(entity);
    else
      preview.changed.push(
        `${entity}: ${differences(row.own.properties, planned.said, row.own.quotes, planned.quotes)}`,
      );
  });

  const linkRows = plan.links.map((l) => ({
    type: l.type,
    from: l.from,
    to: l.to,
    key: l.key,
    said: JSON.stringify(l.properties),
    quotes: l.quotes,
  }));
  const links = await db.read<{
    id: string;
    exists: boolean;
    others: string[];
    quotes: string[];
    said: string[];
  }>(LINKS, { doc, rows: linkRows });
  links.forEach((row, i) => {
    const planned = linkRows[i] as (typeof linkRows)[number];
    const properties = plan.links[i]?.properties ?? {};
    const link =
      `link ${planned.from} -${planned.type}-> ${planned.to} (${describeKey(planned.key)})` +
      attribution(properties);
    if (!row.exists) preview.added.push(link);
    else if (row.quotes.length === 0) preview.merged.push(`${link}, ${also(row.others)}`);
    else if (same(row.quotes, planned.quotes) && row.said.every((s) => s === planned.said))
      preview.unchanged.push(link);
    else
      preview.changed.push(
        `${link}: ${differences(row.said[0] ?? '{}', planned.said, row.quotes, planned.quotes)}`,
      );
  });

  const goneEntities = await db.read<{ id: string; others: string[] }>(WITHDRAWN_ENTITIES, {
    doc,
    ids: plan.entities.map((e) => e.id),
  });
  for (const row of goneEntities) preview.withdrawn.push(`entity ${row.id}${fate(row.others)}`);
  const goneLinks = await db.read<{ id: string; others: string[] }>(WITHDRAWN_LINKS, {
    doc,
    ids: links.map((row) => row.id),
  });
  for (const row of goneLinks) {
    const [type, from, to, key] = row.id.split('|');
    preview.withdrawn.push(
      `link ${from} -${type}-> ${to} (${describeKey(key ?? '')})${fate(row.others)}`,
    );
  }

  const checked = await checkAgainstGraph(reading(db), [plan]);
  preview.errors = checked.errors.map((e) => e.message);
  preview.warnings = checked.warnings.map((w) => w.message);
  return preview;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function fate(others: string[]): string {
  return others.length > 0
    ? `, kept: also stated by ${[...new Set(others)].join(', ')}`
    : ', removed: no other document states it';
}

/** `role@date@validFrom@validTo` as words. */
function describeKey(key: string): string {
  const [role, date, validFrom, validTo] = key.split('@');
  const parts = [
    role ? `role ${role}` : '',
    date ? `date ${date}` : '',
    validFrom ? `from ${validFrom}` : '',
    validTo ? `to ${validTo}` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'no role or date';
}

/** ", according to <id>, quoting <id>" for an attributed fact, "" for one the document states. */
function attribution(properties: Properties): string {
  const parts = [
    properties.accordingTo ? `according to ${properties.accordingTo}` : '',
    properties.quoting ? `quoting ${properties.quoting}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** What changes, value by value: `description "old" → "new"`, and the quotes when they differ. */
function differences(before: string, after: string, oldQuotes: string[], newQuotes: string[]) {
  const [was, will] = [JSON.parse(before || '{}'), JSON.parse(after)] as Properties[];
  // A date's derived parts change with it: only the date as written is shown.
  const derived = DATE_PROPERTY_SUFFIXES.filter((s) => s !== '' && s !== 'AsWritten');
  const names = [...new Set([...Object.keys(was ?? {}), ...Object.keys(will ?? {})])].filter(
    (name) => !derived.some((suffix) => name.endsWith(suffix) && name.length > suffix.length),
  );
  const shown = (value: unknown) => (value == null ? '(none)' : JSON.stringify(value));
  const changes = names
    .filter((name) => JSON.stringify(was?.[name] ?? null) !== JSON.stringify(will?.[name] ?? null))
    .map((name) => `${name} ${shown(was?.[name])} → ${shown(will?.[name])}`);
  if (!same(oldQuotes, newQuotes)) changes.push(`quotes ${shown(oldQuotes)} → ${shown(newQuotes)}`);
  return changes.join('; ') || 'how it is stored';
}

/** True when the preview finds nothing to add, merge, change or withdraw. */
export function changesNothing(preview: ImportPreview): boolean {
  return [preview.added, preview.merged, preview.changed, preview.withdrawn].every(
    (list) => list.length === 0,
  );
}
