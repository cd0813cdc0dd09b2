import { graphql } from '../gql/index.ts';

/** The vocabulary's link types and the kinds each joins: the add-a-fact form's choices. */
export const LinkTypesQuery = graphql(`
  query LinkTypes {
    linkTypes {
      type
      description
      fromKinds
      toKinds
    }
  }
`);

/** A document's revision, read just before a write: sent as `expectedRevision`. */
export const DocumentRevisionQuery = graphql(`
  query DocumentRevision($id: ID!) {
    document(id: $id) {
      id
      slug
      title
      revision
    }
  }
`);

/** Adds a link from a passage (or only checks it, with `dryRun`). */
export const AddLinkMutation = graphql(`
  mutation AddLink($input: AddLinkInput!) {
    addLink(input: $input) {
      ...WriteOutcome
    }
  }
`);

/** Withdraws what one document states of a link. */
export const RetractLinkMutation = graphql(`
  mutation RetractLink($input: RetractLinkInput!) {
    retractLink(input: $input) {
      ...WriteOutcome
    }
  }
`);

/** Withdraws what one document states of an entity. */
export const RetractEntityMutation = graphql(`
  mutation RetractEntity($input: RetractEntityInput!) {
    retractEntity(input: $input) {
      ...WriteOutcome
    }
  }
`);

/** Adds a reviewed draft's document and text (editors). */
export const AddDocumentMutation = graphql(`
  mutation AddDocument($input: AddDocumentInput!) {
    addDocument(input: $input) {
      document {
        slug
      }
      ...WriteOutcome
    }
  }
`);

/** Adds one entity entry of a reviewed draft to its new document. */
export const AddEntityMutation = graphql(`
  mutation AddEntity($input: AddEntityInput!) {
    addEntity(input: $input) {
      ...WriteOutcome
    }
  }
`);

/** An entity's entry in one document's source file, with the revision it was read at. */
export const EntitySourceEntryQuery = graphql(`
  query EntitySourceEntry($slug: ID!, $document: String!, $documentId: ID!) {
    document(id: $documentId) {
      id
      revision
    }
    entity(id: $slug) {
      id
      sourceEntry(document: $document)
    }
  }
`);

/** The entries of one document's source file for its links of a type from an entity. */
export const LinkSourceEntryQuery = graphql(`
  query LinkSourceEntry(
    $document: String!
    $documentId: ID!
    $from: ID!
    $types: [LinkType!]
  ) {
    document(id: $documentId) {
      id
      revision
      links(involving: $from, direction: OUTGOING, types: $types, first: 100) {
        nodes {
          sourceEntry(document: $document)
        }
      }
    }
  }
`);

/** Replaces what one document states of a link (or only checks it, with `dryRun`). */
export const CorrectLinkMutation = graphql(`
  mutation CorrectLink($input: CorrectLinkInput!) {
    correctLink(input: $input) {
      ...WriteOutcome
    }
  }
`);

/** Replaces what one document states of an entity (or only checks it, with `dryRun`). */
export const CorrectEntityMutation = graphql(`
  mutation CorrectEntity($input: CorrectEntityInput!) {
    correctEntity(input: $input) {
      ...WriteOutcome
    }
  }
`);
