/**
 * The examples GraphiQL offers, one tab each (its `defaultTabs`): the "Ask the graph"
 * queries, which a unit test keeps the same as docs/api.md's.
 */
export const GRAPHIQL_EXAMPLES: { title: string; query: string }[] = [
  {
    title: 'Find an entity by name, forgiving a misspelling',
    query: `{
  search(text: "Netanyhu", first: 2) {
    nodes { slug kind name }
  }
}
`,
  },
  {
    title: 'The status of a relation on a day, with the quotes that state it',
    query: `{
  bilateralRelation(a: "russia", b: "israel") {
    status(asOf: "1970") {
      status
      validFrom { value }
      validTo { value }
      citations { quote document { title } }
    }
  }
}
`,
  },
  {
    title: 'Treaties signed in a year, each date at its precision',
    query: `{
  treaties(signedFrom: "1994", signedTo: "1994") {
    totalCount
    nodes { name signed { value precision } }
  }
}
`,
  },
  {
    title: 'What an incident was followed by, as the source says',
    query: `{
  timeline(from: "2018-09-17", to: "2018-09-17", kinds: [INCIDENT]) {
    edges {
      node {
        name
        ... on Incident {
          followedBy(first: 2) {
            edges { type node { name } citations { quote } }
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'A document and the entities it states, with where each quote lies',
    query: `{
  document(id: "tass-russian-israeli-relations") {
    title
    entities(first: 2) {
      edges { node { kind name } citations { quote start end } }
    }
  }
}
`,
  },
  {
    title: 'Errors: an unknown entity, the rest of the answer kept',
    query: `{ russia: entity(id: "russia") { name } atlantis: entity(id: "atlantis") { name } }
`,
  },
];

/** The tabs GraphiQL opens with: the default query, then each example titled in a comment. */
export function graphiqlTabs(defaultQuery: string): { query: string }[] {
  return [
    { query: defaultQuery },
    ...GRAPHIQL_EXAMPLES.map((example) => ({ query: `# ${example.title}\n${example.query}` })),
  ];
}
