import { fileURLToPath } from 'node:url';
import { isAbstractType, lexicographicSortSchema, printSchema } from 'graphql';
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

/** The possible-types file as it should read. */
export function printPossibleTypesFile(): string {
  return `${JSON.stringify(possibleTypes(), null, 2)}\n`;
}
