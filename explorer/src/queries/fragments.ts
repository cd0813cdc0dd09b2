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

/** A citation: the verbatim quote, where it stands in its document's text, and the document. */
export const CitationPartsFragment = graphql(`
  fragment CitationParts on Citation {
    quote
    start
    end
    note
    document {
      id
      slug
      title
    }
  }
`);

/** An entity as a list shows it: its name, kind and a line about it. */
export const EntityCardFragment = graphql(`
  fragment EntityCard on Entity {
    id
    slug
    name
    kind
    description
  }
`);

/** A period of a relation's status: which, and from when to when. */
export const StatusPeriodPartsFragment = graphql(`
  fragment StatusPeriodParts on StatusPeriod {
    slug
    status
    validFrom {
      ...DateParts
    }
    validTo {
      ...DateParts
    }
  }
`);

/** What every write answers that the curator's forms show: the revision made, or the problems. */
export const WriteOutcomeFragment = graphql(`
  fragment WriteOutcome on WritePayload {
    revision {
      number
    }
    problems {
      path
      message
    }
  }
`);
