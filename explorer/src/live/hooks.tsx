import { useEffect, useRef, useState } from 'preact/hooks';
import { actionText } from '../lib/revision-diff.ts';
import { type LiveRevision, onRevision } from './feed.ts';

/** Calls the latest `listener` with each revision committed while the view is shown. */
export function useLiveRevisions(listener: (revision: LiveRevision) => void) {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onRevision((revision) => latest.current(revision)), []);
}

/**
 * Refetches a view when a revision touches what it shows (`touches`), and returns that revision, to
 * say so: the view's data is then current without a reload.
 */
export function useRefreshOnChange(
  touches: (revision: LiveRevision) => boolean,
  refetch: () => void,
): LiveRevision | null {
  const [last, setLast] = useState<LiveRevision | null>(null);
  useLiveRevisions((revision) => {
    if (!touches(revision)) return;
    refetch();
    setLast(revision);
  });
  return last;
}

/**
 * Says, politely to a screen reader, that the page was updated by a change just committed. The
 * live region is always there, so that what appears in it is announced.
 */
export function LiveNotice({ revision }: { revision: LiveRevision | null }) {
  return (
    <p class="live-notice" role="status" aria-live="polite" data-testid="live-notice">
      {revision && (
        <>
          Updated by {revision.author} just now ({actionText(revision.action)}: “{revision.reason}
          ”).
        </>
      )}
    </p>
  );
}
