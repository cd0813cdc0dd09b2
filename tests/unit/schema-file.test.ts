import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  POSSIBLE_TYPES_FILE,
  possibleTypes,
  printPossibleTypesFile,
  printSchemaFile,
  printTypePoliciesFile,
  SCHEMA_FILE,
  TYPE_POLICIES_FILE,
  typePolicies,
} from '../../src/schema/print.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run build-schema` when this fails)', async () => {
    const checkedIn = await readFile(SCHEMA_FILE, 'utf8');
    expect(
      checkedIn === printSchemaFile(),
      'schema.graphql is stale: run `npm run build-schema`',
    ).toBe(true);
  });
});

describe('type-policies.json', () => {
  it('gives every paginated field its keyArgs (run `npm run build-schema` when this fails)', async () => {
    const checkedIn = await readFile(TYPE_POLICIES_FILE, 'utf8');
    expect(
      checkedIn === printTypePoliciesFile(),
      'type-policies.json is stale: run `npm run build-schema`',
    ).toBe(true);
    const policies = typePolicies();
    expect(policies.Country?.fields.links?.keyArgs).toEqual([
      'direction',
      'kinds',
      'orderBy',
      'types',
    ]);
    expect(policies.Query?.fields.search?.keyArgs).toEqual(['kinds', 'text']);
    expect(policies.Document?.fields.links?.keyArgs).toEqual([
      'direction',
      'involving',
      'kinds',
      'types',
    ]);
  });
});

describe('possible-types.json', () => {
  it('is the possibleTypes the schema implies (run `npm run build-schema` when this fails)', async () => {
    const checkedIn = await readFile(POSSIBLE_TYPES_FILE, 'utf8');
    expect(
      checkedIn === printPossibleTypesFile(),
      'possible-types.json is stale: run `npm run build-schema`',
    ).toBe(true);
  });

  it('lists every kind under Entity, and every node type under Node', () => {
    const types = possibleTypes();
    expect(types.Entity).toEqual([
      'Conflict',
      'Country',
      'Equipment',
      'Event',
      'Figure',
      'Incident',
      'Organization',
      'Person',
      'Place',
      'StatusPeriod',
      'Treaty',
      'UNResolution',
    ]);
    expect(types.Node).toEqual([...(types.Entity ?? []), 'BilateralRelation', 'Document'].sort());
  });
});
