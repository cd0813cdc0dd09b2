/** The query GraphiQL opens with: something real to run and edit. */
export const DEFAULT_QUERY = `# Welcome. Press the run button to ask the graph; the docs panel lists every field.
{
  documents {
    id
    title
    publisher
  }
}
`;
