/** `npm run build-schema`: writes schema.graphql and possible-types.json from the Pothos schema. */
import { writeFile } from 'node:fs/promises';
import {
  POSSIBLE_TYPES_FILE,
  printPossibleTypesFile,
  printSchemaFile,
  SCHEMA_FILE,
} from '../src/schema/print.ts';

await writeFile(SCHEMA_FILE, printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
await writeFile(POSSIBLE_TYPES_FILE, printPossibleTypesFile());
console.log(`wrote ${POSSIBLE_TYPES_FILE}`);
