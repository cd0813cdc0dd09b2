import { graphql } from '../gql/index.ts';

/** A source document's text, to show a quote where it stands. */
export const DocumentQuery = graphql(`
  query Document($id: ID!) {
    document(id: $id) {
      id
      slug
      title
      publisher
      kind
      language
      text
    }
  }
`);
