import { graphql } from '../gql/index.ts';

/** What a row of history or of the recent changes shows of a revision. */
export const RevisionParts = graphql(`
  fragment RevisionParts on Revision {
    number
    at
    author
    action
    reason
    before
    after
    entitySlugs
    linkKeys
    revertOf
    document {
      id
      slug
      title
    }
  }
`);

/** A page of revisions, with where it lies in the whole list. */
export const RevisionPage = graphql(`
  fragment RevisionPage on RevisionConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...RevisionParts
    }
  }
`);

/** An entity's revisions (and those of its links), newest first, a page at a time. */
export const EntityHistoryQuery = graphql(`
  query EntityHistory($id: ID!, $first: Int!, $after: String) {
    entity(id: $id) {
      id
      history(first: $first, after: $after) {
        ...RevisionPage
      }
    }
  }
`);

/** The revision log, newest first, filtered by author, document and time; Relay-paged. */
export const ChangesQuery = graphql(`
  query Changes($first: Int!, $after: String, $filter: ChangeFilter) {
    changes(first: $first, after: $after, filter: $filter) {
      ...RevisionPage
    }
  }
`);

/** Each revision as it is committed (Server-Sent Events); `after` resumes from a number. */
export const LiveChangesSubscription = graphql(`
  subscription LiveChanges($after: Int) {
    changes(after: $after) {
      ...RevisionParts
    }
  }
`);
