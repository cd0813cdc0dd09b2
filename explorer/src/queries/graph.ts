import { graphql } from '../gql/index.ts';

/** The entities within `depth` links of one, and the links among them, for drawing. */
export const NeighborhoodQuery = graphql(`
  query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      truncated
      center {
        slug
        name
      }
      nodes {
        slug
        name
        kind
      }
      edges {
        id
        source
        target
        type
        role
      }
    }
  }
`);
