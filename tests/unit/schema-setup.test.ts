import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { indexDefinition, statementsOf } from '../../src/db/schema-setup.ts';

describe('indexDefinition', () => {
  it('reads the name and properties of a full-text index and of a range index', () => {
    expect(
      indexDefinition(`CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description, n.noteText]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`),
    ).toEqual({
      name: 'entity_search',
      properties: ['name', 'aliasText', 'description', 'noteText'],
    });
    expect(
      indexDefinition(
        'CREATE INDEX entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name)',
      ),
    ).toEqual({ name: 'entity_kind_name', properties: ['kind', 'name'] });
  });

  it('ignores statements that define no index', () => {
    expect(
      indexDefinition(
        'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      ),
    ).toBeNull();
  });

  it('reads every index of cypher/indexes.cypher', async () => {
    const text = await readFile(new URL('../../cypher/indexes.cypher', import.meta.url), 'utf8');
    const statements = statementsOf(text);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements)
      expect(indexDefinition(statement), statement).not.toBeNull();
  });
});
