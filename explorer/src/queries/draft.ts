import { graphql } from '../gql/index.ts';

/** A proposed source file for a pasted text, with the passages the curator must decide. */
export const DraftQuery = graphql(`
  query Draft($text: String!, $title: String) {
    draft(text: $text, title: $title) {
      id
      yaml
      decisions {
        quote
        reason
        candidates {
          id
          kind
          name
          confidence
        }
      }
    }
  }
`);

/** The checks of `npm run check-data` on a source file as the curator edits it. */
export const CheckSourceFileQuery = graphql(`
  query CheckSourceFile($yaml: String!, $text: String!) {
    checkSourceFile(yaml: $yaml, text: $text) {
      path
      message
    }
  }
`);
