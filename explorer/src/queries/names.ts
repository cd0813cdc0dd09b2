import { graphql } from '../gql/index.ts';

/** An entity's name and kind, for the headings and chips of views that take its slug. */
export const EntityNameQuery = graphql(`
  query EntityName($id: ID!) {
    entity(id: $id) {
      id
      slug
      name
      kind
    }
  }
`);
