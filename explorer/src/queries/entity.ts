import { graphql } from '../gql/index.ts';

/** An entity's page (by slug or global id): its facts by kind, its citations, and its links with theirs. */
export const EntityQuery = graphql(`
  query Entity($id: ID!) {
    entity(id: $id) {
      __typename
      id
      slug
      name
      kind
      description
      aliases
      citations {
        ...CitationParts
      }
      claim {
        ...ClaimParts
      }
      deniedBy(first: 20) {
        ...DisputeParts
      }
      omittedBy(first: 20) {
        ...DisputeParts
      }
      ... on Treaty {
        signed {
          ...DateParts
        }
        inForce {
          ...DateParts
        }
        subject
      }
      ... on Event {
        date {
          ...DateParts
        }
        eventCategory: category
        cameo {
          code
          name
          quadClass
          goldstein
        }
      }
      ... on Incident {
        date {
          ...DateParts
        }
        cameo {
          code
          name
          quadClass
          goldstein
        }
      }
      ... on UNResolution {
        date {
          ...DateParts
        }
        number
        organ
        subject
      }
      ... on Conflict {
        start {
          ...DateParts
        }
        end {
          ...DateParts
        }
      }
      ... on Figure {
        value
        unit
        measure
        period {
          ...DateParts
        }
      }
      ... on StatusPeriod {
        status
        validFrom {
          ...DateParts
        }
        validTo {
          ...DateParts
        }
      }
      ... on Organization {
        category
      }
      ... on Equipment {
        category
      }
      links(first: 100) {
        totalCount
        edges {
          type
          direction
          role
          note
          date {
            ...DateParts
          }
          validFrom {
            ...DateParts
          }
          validTo {
            ...DateParts
          }
          citations {
            ...CitationParts
          }
          claim {
            ...ClaimParts
          }
          node {
            id
            slug
            name
            kind
          }
        }
      }
    }
  }
`);
