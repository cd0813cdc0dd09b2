import {
  buildSchema,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { SelectionWalk } from '../../src/planner/selection-walk.ts';

/** A small schema shaped as this API's: entities, Relay connections, plain lists, one object. */
export const analysisSchema = buildSchema(`
  interface Entity { id: ID! name: String! links(first: Int, last: Int): LinkConnection! citations: [Citation!]! }
  type Country implements Entity {
    id: ID! name: String! links(first: Int, last: Int): LinkConnection! citations: [Citation!]!
    treaties(first: Int, last: Int): LinkConnection!
  }
  type Person implements Entity {
    id: ID! name: String! links(first: Int, last: Int): LinkConnection! citations: [Citation!]!
    offices: [Entity!]!
  }
  type LinkConnection { edges: [LinkEdge!]! nodes: [Entity!]! pageInfo: PageInfo! totalCount: Int! }
  type LinkEdge { cursor: String! node: Entity! role: String citations: [Citation!]! }
  type PageInfo { hasNextPage: Boolean! }
  type Citation { quote: String! document: Document! }
  type Document { title: String! }
  type Neighborhood { center: Entity! nodes: [Entity!]! edges: [LinkEdge!]! }
  type Query {
    entity(slug: String!): Entity
    countries(first: Int, last: Int): LinkConnection!
    nodes(ids: [ID!]!): [Entity]!
    neighborhood(limit: Int): Neighborhood!
  }
`);

// As the API's Neighborhood.edges declares: its links are capped apart from the nodes' `limit`.
const neighborhoodType = analysisSchema.getType('Neighborhood') as GraphQLObjectType;
const neighborhoodEdges = neighborhoodType.getFields().edges as GraphQLField<unknown, unknown>;
neighborhoodEdges.extensions = { maxItems: 2000 };

/** A document parsed, its (first or named) operation, and a fresh walk over it. */
export function parsed(
  query: string,
  variables?: Record<string, unknown>,
  maxSelections?: number,
): { operation: OperationDefinitionNode; walk: SelectionWalk; document: ReturnType<typeof parse> } {
  const document = parse(query);
  const operation = getOperationAST(document) as OperationDefinitionNode;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const scope = {
    schema: analysisSchema,
    fragment: (name: string) => fragments.get(name),
    variables,
  };
  return { operation, document, walk: new SelectionWalk(scope, maxSelections) };
}

export const queryType = () =>
  analysisSchema.getQueryType() as NonNullable<ReturnType<typeof analysisSchema.getQueryType>>;
