import { graphql } from '../gql/index.ts';

/** Whose claim a fact is: the statement or actor it is attributed to, and whose words. */
export const ClaimPartsFragment = graphql(`
  fragment ClaimParts on Claim {
    attributed
    accordingTo {
      slug
      name
      kind
    }
    quoting {
      slug
      name
      kind
    }
  }
`);

/** Who denies a fact, or leaves it out of their account, with where they do. */
export const DisputePartsFragment = graphql(`
  fragment DisputeParts on EntityLinkConnection {
    edges {
      role
      node {
        slug
        name
        kind
      }
      citations {
        ...CitationParts
      }
    }
  }
`);
