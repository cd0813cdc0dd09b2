import { graphql } from '../gql/index.ts';

/** A relation's cooperation–conflict series, per month, each point with its events. */
export const RelationSeriesQuery = graphql(`
  query RelationSeries($a: ID!, $b: ID!, $by: SeriesInterval!) {
    bilateralRelation(a: $a, b: $b) {
      series(by: $by) {
        period
        count
        cooperation
        conflict
        goldstein
        events {
          slug
          name
          kind
          ... on Event {
            cameo {
              code
              name
              goldstein
            }
          }
          ... on Incident {
            cameo {
              code
              name
              goldstein
            }
          }
        }
      }
    }
  }
`);
