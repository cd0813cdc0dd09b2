import { graphql } from '../gql/index.ts';

/** Search as you type (the API forgives misspellings), optionally of some kinds only. */
export const SearchQuery = graphql(`
  query Search($text: String!, $kinds: [EntityKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      totalCount
      edges {
        node {
          ...EntityCard
        }
      }
    }
  }
`);

/** Where to start: the documents the graph is built from, and its countries. */
export const HomeQuery = graphql(`
  query Home {
    documents {
      id
      slug
      title
      publisher
    }
    countries(first: 40) {
      totalCount
      edges {
        node {
          slug
          name
          kind
        }
      }
    }
  }
`);
