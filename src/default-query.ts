/** The query GraphiQL opens with: something real to run and edit. */
export const DEFAULT_QUERY = `# Welcome. Press the run button to ask the graph; the docs panel lists every type and field.
# Every fact cites its source: ask for \`citations { quote document { title } }\` anywhere.
{
  search(text: "Netanyahu", first: 3) {
    edges { node { __typename slug name } }
  }
  bilateralRelation(a: "russia", b: "israel") {
    status(asOf: "1970-01-01") {
      status
      validFrom { value }
      validTo { value }
      citations { quote document { title } }
    }
    history { status validFrom { value } validTo { value } }
  }
}
`;
