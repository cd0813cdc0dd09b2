import { graphql } from '../gql/index.ts';

/** A date as the sources state it: its own precision, and the first and last day it may mean. */
export const DatePartsFragment = graphql(`
  fragment DateParts on DateDetail {
    value
    precision
    start
    end
    approximate
    asWritten
  }
`);

/** A citation: the verbatim quote and the document it is taken from. */
export const CitationPartsFragment = graphql(`
  fragment CitationParts on Citation {
    quote
    note
    document {
      id
      slug
      title
    }
  }
`);
