import { DATE_PROPERTY_SUFFIXES, type Properties } from '../knowledge/import-plan.ts';
import { searchKeys } from '../knowledge/search-keys.ts';
import { sortDateOf } from './entity-row.ts';

/** What one document says of an entity: its kind and properties, kept on its CITED_IN link. */
export interface Contribution {
  kind: string;
  properties: string;
}

export interface MergedEntity {
  id: string;
  kind: string;
  properties: Properties;
}

/** The flat properties a date `<name>` spreads into, besides `<name>` itself. */
const DATE_PARTS = DATE_PROPERTY_SUFFIXES.filter((suffix) => suffix !== '');
/** Properties combined from every document rather than taken from one. */
const COMBINED = new Set(['aliases', 'description']);

/**
 * An entity as all its documents describe it, in document-id order. No document erases what
 * another states: the first document to state a value gives it (a date with all its parts), a
 * value a document omits is taken from another, descriptions are joined, other documents' names
 * become aliases, aliases are united. The result does not depend on the order of imports.
 */
export function mergeContributions(id: string, contributions: Contribution[]): MergedEntity {
  const said = contributions.map((c) => JSON.parse(c.properties) as Properties);
  const kind = contributions[0]?.kind ?? '';
  const merged: Properties = {};
  for (const properties of said) {
    const dates = Object.keys(properties).filter(
      (n) => typeof properties[`${n}Start`] === 'string',
    );
    const parts = new Set(dates.flatMap((root) => DATE_PARTS.map((suffix) => root + suffix)));
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || name in merged || parts.has(name) || COMBINED.has(name)) continue;
      merged[name] = value;
      if (dates.includes(name)) {
        for (const suffix of DATE_PARTS) merged[name + suffix] = properties[name + suffix] ?? null;
      }
    }
  }
  const names = said.map((p) => p.name).filter((n): n is string => typeof n === 'string');
  const aliases = unique([
    ...said.flatMap((p) => (p.aliases as string[] | undefined) ?? []),
    ...names.slice(1).filter((name) => name !== names[0]),
  ]);
  const descriptions = unique(
    said.map((p) => p.description).filter((d): d is string => typeof d === 'string'),
  );
  const description = descriptions
    .filter((d, i) => !descriptions.some((other, j) => j !== i && other.includes(d)))
    .join(' ');
  const present = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
  return {
    id,
    kind,
    properties: {
      ...present,
      ...(description ? { description } : {}),
      id,
      kind,
      aliases,
      aliasText: aliases.join('; '),
      searchKeys: searchKeys([names[0] ?? '', ...aliases]),
      sortDate: sortDateOf(present),
    },
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
