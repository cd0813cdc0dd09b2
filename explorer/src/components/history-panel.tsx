import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { count } from '../lib/words.ts';
import { EntityHistoryQuery } from '../queries/changes.ts';
import { RevisionRow } from './revision-row.tsx';
import { ErrorBox, Loading } from './states.tsx';

const PAGE = 10;

/**
 * An entity's history: the revisions that changed what a document says of it or of its links,
 * newest first, ten more at a time. `refreshed` changes when a new revision touched the entity,
 * and the list is read again.
 */
export function HistoryPanel({ slug, refreshed }: { slug: string; refreshed?: number }) {
  const [first, setFirst] = useState(PAGE);
  const [result, reexecute] = useQuery({
    query: EntityHistoryQuery,
    variables: { id: slug, first },
  });
  useEffect(() => {
    if (refreshed !== undefined) reexecute({ requestPolicy: 'network-only' });
  }, [refreshed, reexecute]);
  const history = result.data?.entity?.history;
  return (
    <section class="history" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">History</h2>
      {result.error && <ErrorBox error={result.error} retry={reexecute} />}
      {!history && !result.error && <Loading what="Loading the history" />}
      {history && history.totalCount === 0 && <p class="small">No revisions yet.</p>}
      {history && history.totalCount > 0 && (
        <>
          <p class="small">{count(history.totalCount, 'revision')}, newest first.</p>
          <ol class="revisions">
            {history.nodes.map((revision) => (
              <RevisionRow key={revision.number} revision={revision} compact />
            ))}
          </ol>
          {history.pageInfo.hasNextPage && first < 100 && (
            <button type="button" onClick={() => setFirst(Math.min(first + PAGE, 100))}>
              Show older revisions
            </button>
          )}
        </>
      )}
    </section>
  );
}
