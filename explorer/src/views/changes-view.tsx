import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { Link, useSearchParams } from 'wouter-preact';
import { useTitle } from '../components/hooks.ts';
import { RevisionRow } from '../components/revision-row.tsx';
import { ErrorBox, Loading } from '../components/states.tsx';
import type { ChangeFilter } from '../gql/graphql.ts';
import { count } from '../lib/words.ts';
import type { LiveRevision } from '../live/feed.ts';
import { useLiveRevisions } from '../live/hooks.tsx';
import { ChangesQuery } from '../queries/changes.ts';

const PAGE = 20;
const FILTERS = ['author', 'document', 'since', 'until'] as const;

/** The filter in the address (?author=…&document=…&since=…&until=…), so a page can be shared. */
function filterOf(params: URLSearchParams): ChangeFilter {
  const filter: ChangeFilter = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

/** Whether a revision just committed belongs on the first page of this filter. */
function matches(revision: LiveRevision, filter: ChangeFilter): boolean {
  if (filter.author && filter.author !== revision.author) return false;
  if (filter.document && filter.document !== revision.document?.slug) return false;
  if (filter.until && revision.at >= new Date(filter.until).toISOString()) return false;
  return true;
}

/**
 * Recent changes: the revision log, newest first, a page at a time (Relay cursors in the address),
 * filtered by author, document and time. On the first page, each revision committed meanwhile is
 * added at the top as it arrives.
 */
export function ChangesView() {
  const [params] = useSearchParams();
  useTitle('Recent changes');
  // Keyed by the address: another filter or page starts with nothing arrived.
  return <Changes key={params.toString()} params={params} />;
}

function Changes({ params }: { params: URLSearchParams }) {
  const filter = filterOf(params);
  const after = params.get('after') ?? undefined;
  const [result, reexecute] = useQuery({
    query: ChangesQuery,
    variables: { first: PAGE, after, filter },
  });
  const [arrived, setArrived] = useState<LiveRevision[]>([]);
  useLiveRevisions((revision) => {
    if (after || !matches(revision, filter)) return;
    setArrived((list) =>
      list.some((r) => r.number === revision.number) ? list : [revision, ...list],
    );
  });
  const changes = result.data?.changes;
  const shown = changes?.nodes ?? [];
  const fresh = arrived.filter((r) => !shown.some((s) => s.number === r.number));
  const next = new URLSearchParams(params);
  if (changes?.pageInfo.endCursor) next.set('after', changes.pageInfo.endCursor);
  const total = (changes?.totalCount ?? 0) + fresh.length;
  const newest = new URLSearchParams(params);
  newest.delete('after');
  return (
    <article class="changes-view">
      <h1>Recent changes</h1>
      <FilterForm params={params} />
      <p class="live-notice" role="status" aria-live="polite" data-testid="live-notice">
        {fresh.length > 0 && `${count(fresh.length, 'change')} just now, added at the top.`}
      </p>
      {result.error && <ErrorBox error={result.error} retry={reexecute} />}
      {!changes && !result.error && <Loading what="Loading the changes" />}
      {changes && (
        <>
          <p class="small">
            {count(total, 'change')}
            {Object.keys(filter).length === 0 ? ' in all' : total === 1 ? ' matches' : ' match'}.
          </p>
          <ol class="revisions" data-testid="changes">
            {[...fresh, ...shown].map((revision) => (
              <RevisionRow key={revision.number} revision={revision} />
            ))}
          </ol>
          <nav class="pager" aria-label="Pages of changes">
            {after && <Link href={`/changes?${newest}`}>Newest changes</Link>}
            {changes.pageInfo.hasNextPage && <Link href={`/changes?${next}`}>Older changes</Link>}
          </nav>
        </>
      )}
    </article>
  );
}

/** The filters, as a form whose submission puts them in the address. */
function FilterForm({ params }: { params: URLSearchParams }) {
  const [, setParams] = useSearchParams();
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };
  return (
    <form class="change-filter" onSubmit={submit} aria-label="Filter the changes">
      <label>
        Author <input name="author" defaultValue={params.get('author') ?? ''} />
      </label>
      <label>
        Document <input name="document" defaultValue={params.get('document') ?? ''} />
      </label>
      <label>
        Since <input name="since" type="date" defaultValue={params.get('since') ?? ''} />
      </label>
      <label>
        Until <input name="until" type="date" defaultValue={params.get('until') ?? ''} />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
