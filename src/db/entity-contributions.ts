import type { Properties } from '../knowledge/import-plan.ts';
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

/**
 * An entity as all its documents describe it, in document-id order: later documents' values win,
 * aliases are united. The result is the same whatever order the documents were imported in.
 */
export function mergeContributions(id: string, contributions: Contribution[]): MergedEntity {
  let kind = '';
  let properties: Properties = {};
  const aliases: string[] = [];
  for (const contribution of contributions) {
    const said = JSON.parse(contribution.properties) as Properties;
    kind = contribution.kind;
    properties = { ...properties, ...said };
    for (const alias of (said.aliases as string[] | undefined) ?? []) {
      if (!aliases.includes(alias)) aliases.push(alias);
    }
  }
  const present = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null));
  return {
    id,
    kind,
    properties: {
      ...present,
      id,
      kind,
      aliases,
      aliasText: aliases.join('; '),
      sortDate: sortDateOf(present),
    },
  };
}
