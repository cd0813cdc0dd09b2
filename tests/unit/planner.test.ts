import { type GraphQLObjectType, getNamedType, isLeafType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planOperation, type RootPlan } from '../../src/planner/plan.ts';
import type { Expansion, LinkExpansion } from '../../src/planner/plan-types.ts';
import { propertiesRead, readsOf } from '../../src/planner/reads.ts';
import { schema } from '../../src/schema/index.ts';

const plan = (query: string, variables?: Record<string, unknown>) =>
  planOperation(schema, parse(query), variables);

const expansionOf = (root: RootPlan | undefined): Expansion => {
  if (!root) throw new Error('no plan for the field');
  return 'entity' in root ? root.entity : root.connection.expansion;
};

/** A link expansion reduced to what these tests look at, level by level. */
const shape = (link: LinkExpansion): unknown => ({
  field: link.field,
  types: link.spec.types,
  onKinds: link.onKinds,
  first: link.window.first,
  read: link.window.read,
  properties: link.expansion.properties,
  links: link.expansion.links.map(shape),
});

describe('the planner, on parsed documents', () => {
  it('plans a root list and every list below it as one expansion, level by level', () => {
    const plans = plan(`{
      countries(first: 5) { totalCount nodes { name
        treaties(first: 3) { edges { node { name
          parties(first: 2) { nodes { slug } }
        } } }
      } }
    }`);
    const countries = plans.get('countries');
    expect(countries && 'connection' in countries && countries.connection.asks.totalCount).toBe(
      true,
    );
    const expansion = expansionOf(countries);
    expect(expansion.properties).toEqual(['name']);
    expect(expansion.links.map(shape)).toEqual([
      {
        field: 'treaties',
        types: ['PARTY_TO'],
        onKinds: ['Country'],
        first: 3,
        read: 'page',
        properties: ['name'],
        links: [
          {
            field: 'parties',
            types: ['PARTY_TO'],
            onKinds: ['Treaty'],
            first: 2,
            read: 'page',
            properties: ['id'],
            links: [],
          },
        ],
      },
    ]);
  });

  it('walks fragments on interfaces and kinds, keyed by response name, with @skip and variables', () => {
    const plans = plan(
      `query Q($n: Int, $skip: Boolean!) {
        one: entity(id: "israel") { ...Named ... on Country { events(first: $n) { totalCount } } }
        two: entity(id: "russia") { ...Named links(first: 1) @skip(if: $skip) { nodes { id } } }
      }
      fragment Named on Entity { name citations { quote } }`,
      { n: 7, skip: true },
    );
    const one = expansionOf(plans.get('one'));
    expect(one.properties).toEqual(['name']);
    expect(one.citations).toBe(true);
    expect(one.links.map(shape)).toEqual([
      {
        field: 'events',
        types: ['PARTICIPATED_IN'],
        onKinds: ['Country'],
        first: 7,
        read: 'count',
        properties: [],
        links: [],
      },
    ]);
    expect(expansionOf(plans.get('two')).links).toEqual([]);
  });

  it('merges one response name selected on an interface and on a kind, per kind', () => {
    const plans = plan(`{
      entity(id: "israel") {
        ... on Entity { links(first: 2) { nodes { name } } }
        ... on Country { links(first: 2) { nodes { description } } }
      }
    }`);
    const links = expansionOf(plans.get('entity')).links;
    const country = links.find((link) => link.onKinds?.includes('Country'));
    const other = links.find((link) => link.onKinds?.includes('Person'));
    expect(country?.expansion.properties).toEqual(['description', 'name']);
    expect(country?.onKinds).toEqual(['Country']);
    expect(other?.expansion.properties).toEqual(['name']);
    expect(other?.onKinds).toHaveLength(11);
  });

  it('gives equivalent link type lists one spec: sorted, without repeats', () => {
    const specs = ['[PARTY_TO, CITES]', '[CITES, PARTY_TO]', '[CITES, CITES, PARTY_TO]'].map(
      (types) =>
        expansionOf(
          plan(`{ entity(id: "x") { links(types: ${types}) { nodes { id } } } }`).get('entity'),
        ).links[0]?.spec,
    );
    expect(specs[0]).toEqual({
      types: ['CITES', 'PARTY_TO'],
      direction: 'BOTH',
      order: expect.anything(),
    });
    expect(specs[1]).toEqual(specs[0]);
    expect(specs[2]).toEqual(specs[0]);
  });

  it('reads no property beyond id and kind for `id`, and only the names asked for', () => {
    const plans = plan('{ a: entity(id: "x") { id } b: search(text: "x") { nodes { id name } } }');
    expect(expansionOf(plans.get('a')).properties).toEqual([]);
    expect(expansionOf(plans.get('b')).properties).toEqual(['name']);
  });
});

describe('the properties a selection of every stored field reads', () => {
  /** Each field of `type` answered from stored properties, selected as a leaf or `{ __typename }`. */
  const storedFields = (type: GraphQLObjectType) =>
    Object.values(type.getFields())
      .filter((field) => propertiesRead(readsOf(field)))
      .map((field) =>
        isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`,
      )
      .join(' ');

  it('names every property of every kind and of links, as the schema declares them', () => {
    const kinds = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType =>
        isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity'),
    );
    const edge = schema.getType('EntityLinkEdge') as GraphQLObjectType;
    const every = kinds.map((kind) => `... on ${kind.name} { ${storedFields(kind)} }`).join(' ');
    const plans = plan(`{ entity(id: "russia") { ${every}
      links(first: 5) { edges { ${storedFields(edge)} node { ${every} } } } } }`);
    const expansion = expansionOf(plans.get('entity'));
    const [links] = expansion.links;
    expect({
      properties: expansion.properties,
      linkProperties: links?.edgeProperties,
      linkedProperties: links?.expansion.properties,
    }).toMatchSnapshot();
  });
});
