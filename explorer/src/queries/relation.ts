import { graphql } from '../gql/index.ts';

/** Two countries: their status history, agreements, visits, incidents and figures. */
export const RelationQuery = graphql(`
  query Relation($a: ID!, $b: ID!) {
    bilateralRelation(a: $a, b: $b) {
      a {
        slug
        name
      }
      b {
        slug
        name
      }
      history {
        ...StatusPeriodParts
      }
      agreements(first: 50) {
        totalCount
        edges {
          node {
            slug
            name
            subject
            signed {
              ...DateParts
            }
          }
        }
      }
      visits(first: 50) {
        totalCount
        edges {
          node {
            slug
            name
            date {
              ...DateParts
            }
          }
        }
      }
      incidents(first: 50) {
        totalCount
        edges {
          node {
            slug
            name
            date {
              ...DateParts
            }
          }
        }
      }
      figures(first: 50) {
        totalCount
        edges {
          node {
            slug
            name
            measure
            value
            unit
            period {
              ...DateParts
            }
          }
        }
      }
    }
  }
`);

/** The status holding between two countries on a day, with the quotes that state it. */
export const RelationStatusQuery = graphql(`
  query RelationStatus($a: ID!, $b: ID!, $asOf: PartialDate!) {
    bilateralRelation(a: $a, b: $b) {
      status(asOf: $asOf) {
        ...StatusPeriodParts
        citations {
          ...CitationParts
        }
      }
    }
  }
`);
