/**
 * `npm run build-schema`: writes schema.graphql, possible-types.json and type-policies.json (the
 * keyArgs of every paginated field) from the Pothos schema.
 */
import { writeFile } from 'node:fs/promises';
import {
  POSSIBLE_TYPES_FILE,
  printPossibleTypesFile,
  printSchemaFile,
  printTypePoliciesFile,
  SCHEMA_FILE,
  TYPE_POLICIES_FILE,
} from '../src/schema/print.ts';

await writeFile(SCHEMA_FILE, printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
await writeFile(POSSIBLE_TYPES_FILE, printPossibleTypesFile());
console.log(`wrote ${POSSIBLE_TYPES_FILE}`);
await writeFile(TYPE_POLICIES_FILE, printTypePoliciesFile());
console.log(`wrote ${TYPE_POLICIES_FILE}`);
