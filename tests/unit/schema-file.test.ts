import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, SCHEMA_FILE } from '../../src/schema/print.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run build-schema` when this fails)', async () => {
    const checkedIn = await readFile(SCHEMA_FILE, 'utf8');
    expect(
      checkedIn === printSchemaFile(),
      'schema.graphql is stale: run `npm run build-schema`',
    ).toBe(true);
  });
});
