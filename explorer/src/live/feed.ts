import { stringifyDocument } from '@urql/preact';
import { type Client, createClient } from 'graphql-sse';
import type { RevisionPartsFragment } from '../gql/graphql.ts';
import { LiveChangesSubscription } from '../queries/changes.ts';

/** A revision as the live feed delivers it. */
export type LiveRevision = RevisionPartsFragment;
type Listener = (revision: LiveRevision) => void;

const listeners = new Set<Listener>();
let client: Client | undefined;
let stop: (() => void) | undefined;
/** The last revision received: sent as Last-Event-ID when the stream reconnects. */
let lastSeen: number | undefined;

/**
 * One subscription to `changes` for the whole explorer, over Server-Sent Events (graphql-sse in
 * its distinct-connections mode, which is what yoga serves), open while a view listens. A dropped
 * stream is reopened with the last revision seen as Last-Event-ID, so nothing is missed.
 */
function start() {
  client ??= createClient({
    url: '/graphql',
    singleConnection: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    headers: (): Record<string, string> =>
      lastSeen === undefined ? {} : { 'last-event-id': String(lastSeen) },
  });
  stop = client.subscribe<{ changes: LiveRevision }, { revision?: number }>(
    { query: stringifyDocument(LiveChangesSubscription) },
    {
      next(result) {
        const revision = result.data?.changes;
        if (!revision) return;
        lastSeen = Math.max(lastSeen ?? 0, revision.number);
        for (const listener of listeners) listener(revision);
      },
      error() {
        // Retries are graphql-sse's; an error past them ends the feed until a view listens anew.
        stop = undefined;
      },
      complete() {
        stop = undefined;
      },
    },
  );
}

/** Calls `listener` with each revision committed from now on; returns what stops it. */
export function onRevision(listener: Listener): () => void {
  listeners.add(listener);
  if (!stop) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = undefined;
    }
  };
}
