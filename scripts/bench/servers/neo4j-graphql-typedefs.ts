/**
 * Type definitions for the `@neo4j/graphql` comparison server: the same labels, relationship types
 * and properties as this project's graph, with documented directives only (`@node`,
 * `@relationship`, `@relationshipProperties`, `@cypher`). `@cypher` is used where the library has no
 * native way to say the question: full-text search, the timeline, neighbourhoods and paths.
 */
import { NEIGHBORHOOD_CYPHER, TIMELINE_PAGE_CYPHER } from '../queries.ts';

export const NEO4J_GRAPHQL_TYPEDEFS = /* GraphQL */ `
  type Citation @relationshipProperties {
    quotes: [String!]!
    note: String
  }

  type Link @relationshipProperties {
    role: String
    dateStart: String
    validFromStart: String
    validToStart: String
  }

  type Document @node {
    id: ID!
    title: String!
  }

  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    kind: String!
    date: String
    signed: String
  }

  type Country @node(labels: ["Country", "Entity"]) {
    id: ID!
    name: String!
    kind: String!
    description: String!
    aliases: [String!]!
    citations: [Document!]! @relationship(type: "CITED_IN", direction: OUT, properties: "Citation")
    treaties: [Treaty!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "Link")
    leaders: [Person!]! @relationship(type: "HELD_OFFICE", direction: IN, properties: "Link")
    statusPeriods: [StatusPeriod!]! @relationship(type: "BETWEEN", direction: IN, properties: "Link")
  }

  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    name: String!
    kind: String!
    description: String!
    aliases: [String!]!
    citations: [Document!]! @relationship(type: "CITED_IN", direction: OUT, properties: "Citation")
    offices: [Country!]! @relationship(type: "HELD_OFFICE", direction: OUT, properties: "Link")
  }

  type Treaty @node(labels: ["Treaty", "Entity"]) {
    id: ID!
    name: String!
    kind: String!
    signed: String
    signedStart: String
    parties: [Country!]! @relationship(type: "PARTY_TO", direction: IN, properties: "Link")
  }

  type StatusPeriod @node(labels: ["StatusPeriod", "Entity"]) {
    id: ID!
    name: String!
    status: String!
    validFrom: String
    validFromStart: String
    validTo: String
    validToStart: String
    countries: [Country!]! @relationship(type: "BETWEEN", direction: OUT, properties: "Link")
  }

  type Item {
    id: String!
    name: String!
    kind: String!
    date: String
  }

  type Page {
    total: Int!
    items: [Item!]!
  }

  type TimelinePage {
    hasMore: Boolean!
    items: [Item!]!
  }

  type Neighborhood {
    nodeIds: [String!]!
    links: [GraphLink!]!
  }

  type GraphLink {
    type: String!
    source: String!
    target: String!
  }

  type Query {
    search(query: String!, first: Int!): Page
      @cypher(
        statement: """
        CALL () {
          CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
          WITH node, score ORDER BY score DESC, node.name
          LIMIT 10000
          RETURN collect({id: node.id, name: node.name, kind: node.kind}) AS items
        }
        RETURN {total: size(items), items: items[0..$first]} AS page
        """
        columnName: "page"
      )
    searchTop(query: String!, first: Int!): [Entity!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 100}) YIELD node, score
        WITH node, score ORDER BY score DESC, node.name LIMIT $first
        RETURN node
        """
        columnName: "node"
      )
    timeline(from: String!, first: Int!): TimelinePage
      @cypher(
        statement: """${TIMELINE_PAGE_CYPHER}"""
        columnName: "page"
      )
    neighborhood(id: String!, limit: Int!): Neighborhood
      @cypher(
        statement: """${NEIGHBORHOOD_CYPHER}"""
        columnName: "result"
      )
    pathNodes(from: String!, to: String!): [Entity!]!
      @cypher(
        statement: """
        MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = ANY SHORTEST (a)(()-[]-(:Entity)){1,4}(b)
        UNWIND nodes(p) AS n
        RETURN n
        """
        columnName: "n"
      )
  }
`;
