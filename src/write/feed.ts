import { createPubSub } from 'graphql-yoga';

/** Tells live subscribers the number of each revision once it is committed (one per server). */
export function createRevisionFeed() {
  return createPubSub<{ revision: [number] }>();
}

export type RevisionFeed = ReturnType<typeof createRevisionFeed>;
