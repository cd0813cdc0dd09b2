import { type GraphQLObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { propertiesRead, readsOf } from '../../src/planner/reads.ts';
import { schema } from '../../src/schema/index.ts';

const entity = schema.getType('Entity');
const types = Object.values(schema.getTypeMap());

/** The entity kinds' object types. */
const kinds = types.filter(
  (type): type is GraphQLObjectType =>
    isObjectType(type) && type.getInterfaces().some((i) => i === entity),
);

/** The edges of entities' link lists (`<Type>LinkEdge`), whose fields read the links' properties. */
const linkEdges = ['Entity', ...kinds.map((kind) => kind.name)].flatMap((name) => {
  const edge = schema.getType(`${name}LinkEdge`);
  return isObjectType(edge) ? [edge] : [];
});

/** Edge fields the planner answers without the link's properties (planner/plan.ts). */
const EDGE_PLUMBING = new Set(['cursor', 'node', 'type', 'direction']);

/** What each field of `type` declares it reads, by field: property names, 'links' or 'citations'. */
function declared(type: GraphQLObjectType | undefined) {
  return Object.fromEntries(
    Object.values(type?.getFields() ?? {}).map((field) => {
      const reads = readsOf(field);
      const properties = propertiesRead(reads);
      const what = typeof reads === 'object' && 'links' in reads ? 'links' : (reads ?? null);
      return [field.name, properties ? [...properties] : what];
    }),
  );
}

describe('what entity fields read', () => {
  it('is declared by every field of every entity type, so no selection reads a whole entity', () => {
    expect(kinds).toHaveLength(12);
    const undeclared = kinds.flatMap((kind) =>
      Object.values(kind.getFields())
        .filter((field) => field.name !== 'id' && readsOf(field) === undefined)
        .map((field) => `${kind.name}.${field.name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('is declared by every field of a link edge beyond its plumbing, so no edge reads every link property', () => {
    expect(linkEdges.length).toBeGreaterThan(5);
    const undeclared = linkEdges.flatMap((edge) =>
      Object.values(edge.getFields())
        .filter((field) => !EDGE_PLUMBING.has(field.name) && readsOf(field) === undefined)
        .map((field) => `${edge.name}.${field.name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('names, per field, the properties its resolver reads', () => {
    const byType = Object.fromEntries(
      [isInterfaceType(entity) ? entity : undefined, ...kinds, linkEdges[0]].map((type) => [
        type?.name,
        declared(type as GraphQLObjectType),
      ]),
    );
    expect(byType).toMatchSnapshot();
  });
});
