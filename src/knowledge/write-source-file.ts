import { stringify } from 'yaml';
import {
  DATE_PROPERTY_SUFFIXES,
  type DocumentRow,
  type EntityRow,
  type LinkRow,
  type Properties,
} from './import-plan.ts';
import { datesOf, LINK_DATES } from './vocabulary.ts';

/**
 * The inverse of checkSourceFile: a document's facts, as the graph keeps what that document states,
 * written back as a source file. Reading the result gives the same plan again.
 */

/** One document's statements: its entities and links as its own plan rows (link keys not needed). */
export interface DocumentStatements {
  document: DocumentRow;
  entities: EntityRow[];
  links: Omit<LinkRow, 'key'>[];
}

type Entry = Record<string, unknown>;

/** Written by the entry's own fields, or derived by the check (ISO codes from `iso3166`). */
const PLACED = new Set([
  'name',
  'aliases',
  'curatorAliases',
  'description',
  'accordingTo',
  'quoting',
  'isoAlpha2',
  'isoAlpha3',
  'isoNumeric',
  'isoName',
  'isoAlpha4',
  'isoFormer',
]);

/** The source file's content (what `sourceFileSchema` reads) for one document's statements. */
export function sourceFileOf(statements: DocumentStatements, textPath: string): Entry {
  const { document } = statements;
  return {
    document: withoutEmpty({
      id: document.id,
      title: document.title,
      publisher: document.publisher,
      kind: document.kind,
      language: document.language,
      source: textPath,
      nonFactual: document.nonFactual,
      note: document.note,
    }),
    entities: statements.entities.map(entityEntry),
    links: statements.links.map(linkEntry),
  };
}

/** The source file as YAML text. */
export function sourceFileYaml(statements: DocumentStatements, textPath: string): string {
  return stringify(sourceFileOf(statements, textPath), { lineWidth: 100, minContentWidth: 40 });
}

function entityEntry(row: EntityRow): Entry {
  const p = row.properties;
  const curator = (p.curatorAliases as string[] | undefined) ?? [];
  const dates = datesOf(row.kind);
  const dateParts = new Set(dates.flatMap((name) => DATE_PROPERTY_SUFFIXES.map((s) => name + s)));
  // The check adds curator aliases to the searched aliases; the file lists them apart.
  const aliases = ((p.aliases as string[] | undefined) ?? []).filter((a) => !curator.includes(a));
  const own = Object.entries(p).filter(([name]) => !PLACED.has(name) && !dateParts.has(name));
  return withoutEmpty({
    id: row.id,
    kind: row.kind,
    iso3166: p.isoAlpha4 ?? (row.kind === 'Country' ? p.isoAlpha2 : null),
    name: p.name,
    aliases,
    curatorAliases: curator,
    description: p.description,
    ...Object.fromEntries(own),
    ...Object.fromEntries(dates.map((name) => [name, dateField(p, name)])),
    cite: citeOf(row),
    note: row.note,
    accordingTo: p.accordingTo,
    quoting: p.quoting,
  });
}

function linkEntry(row: Omit<LinkRow, 'key'>): Entry {
  const p = row.properties;
  return withoutEmpty({
    type: row.type,
    from: row.from,
    to: row.to,
    role: p.role,
    ordinal: p.ordinal,
    ...Object.fromEntries(LINK_DATES.map((name) => [name, dateField(p, name)])),
    cite: citeOf(row),
    note: row.note,
    accordingTo: p.accordingTo,
    quoting: p.quoting,
  });
}

/** A date as written: its value, with the words when the document gave words. */
function dateField(p: Properties, name: string): unknown {
  const value = p[name];
  if (typeof value !== 'string') return null;
  const asWritten = p[`${name}AsWritten`];
  return typeof asWritten === 'string' ? { value, asWritten } : value;
}

/** One quote as a string; several as a list, context quotes as `{ context: … }`. */
function citeOf(row: { quotes: string[]; context?: boolean[] }): unknown {
  const items = row.quotes.map((quote, i) => (row.context?.[i] ? { context: quote } : quote));
  return items.length === 1 && typeof items[0] === 'string' ? items[0] : items;
}

/** Leaves out what a source file leaves out: absent values and empty lists. */
function withoutEmpty(entry: Entry): Entry {
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([, value]) =>
        value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}
