import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';

const entity = schema.getType('Entity');

describe('what entity fields read', () => {
  it('is declared by every field of every entity type, so no selection reads a whole entity', () => {
    const kinds = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && type.getInterfaces().some((i) => i === entity),
    );
    expect(kinds).toHaveLength(12);
    const undeclared = kinds.flatMap((kind) =>
      isObjectType(kind)
        ? Object.values(kind.getFields())
            .filter((field) => field.name !== 'id' && field.extensions.reads === undefined)
            .map((field) => `${kind.name}.${field.name}`)
        : [],
    );
    expect(undeclared).toEqual([]);
  });
});
