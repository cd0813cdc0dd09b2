import { graphql } from '../gql/index.ts';

/** A shortest chain of links between two entities. */
export const PathQuery = graphql(`
  query Path($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      length
      nodes {
        slug
        name
        kind
      }
      edges {
        type
        from
        to
        role
        date {
          ...DateParts
        }
        citations {
          ...CitationParts
        }
      }
    }
  }
`);
