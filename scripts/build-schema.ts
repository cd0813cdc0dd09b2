/** `npm run build-schema`: writes schema.graphql from the Pothos schema. */
import { writeFile } from 'node:fs/promises';
import { printSchemaFile, SCHEMA_FILE } from '../src/schema/print.ts';

await writeFile(SCHEMA_FILE, printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
