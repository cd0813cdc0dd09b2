import { graphql } from '../gql/index.ts';

/** Dated items in date order, each at the date it is placed at, filtered by kind and involvement. */
export const TimelineQuery = graphql(`
  query Timeline(
    $from: PartialDate
    $to: PartialDate
    $kinds: [EntityKind!]
    $involving: [ID!]
    $first: Int
  ) {
    timeline(from: $from, to: $to, kinds: $kinds, involving: $involving, first: $first) {
      totalCount
      edges {
        date {
          ...DateParts
        }
        node {
          ...EntityCard
        }
      }
    }
  }
`);
