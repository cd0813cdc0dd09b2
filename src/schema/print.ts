import { fileURLToPath } from 'node:url';
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { schema } from './index.ts';

/** Where the checked-in schema lives. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/** Where the checked-in `possibleTypes` for Apollo Client's InMemoryCache live. */
export const POSSIBLE_TYPES_FILE = fileURLToPath(
  new URL('../../possible-types.json', import.meta.url),
);

/** The schema as the checked-in file should read. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * Every interface and union with the object types that implement it (Apollo Client's
 * `possibleTypes`), so a cache matches fragments on `Entity` or `Node` to the objects it holds.
 */
export function possibleTypes(): Record<string, string[]> {
  const sorted = lexicographicSortSchema(schema);
  const found: Record<string, string[]> = {};
  for (const type of Object.values(sorted.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    found[type.name] = sorted
      .getPossibleTypes(type)
      .map((object) => object.name)
      .sort();
  }
  return found;
}

/** Where the checked-in keyArgs of every paginated field live (Apollo Client's typePolicies). */
export const TYPE_POLICIES_FILE = fileURLToPath(
  new URL('../../type-policies.json', import.meta.url),
);

const PAGING_ARGS = new Set(['first', 'after', 'last', 'before']);

/**
 * Every paginated field (a Relay connection) of every object type with the arguments that make
 * a different list (all but the paging ones): the `keyArgs` a client cache must give
 * `relayStylePagination(keyArgs)`, so lists with different filters are never merged.
 */
export function typePolicies(): Record<string, { fields: Record<string, { keyArgs: string[] }> }> {
  const sorted = lexicographicSortSchema(schema);
  const policies: Record<string, { fields: Record<string, { keyArgs: string[] }> }> = {};
  for (const type of Object.values(sorted.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const paged =
        field.args.some((a) => a.name === 'after') &&
        isObjectType(target) &&
        'pageInfo' in target.getFields() &&
        'edges' in target.getFields();
      if (!paged) continue;
      const keyArgs = field.args.map((a) => a.name).filter((name) => !PAGING_ARGS.has(name));
      policies[type.name] ??= { fields: {} };
      (policies[type.name] as { fields: Record<string, { keyArgs: string[] }> }).fields[
        field.name
      ] = { keyArgs: keyArgs.sort() };
    }
  }
  return policies;
}

/** The type-policies file as it should read. */
export function printTypePoliciesFile(): string {
  return `${JSON.stringify(typePolicies(), null, 2)}\n`;
}

/** The possible-types file as it should read. */
export function printPossibleTypesFile(): string {
  return `${JSON.stringify(possibleTypes(), null, 2)}\n`;
}
