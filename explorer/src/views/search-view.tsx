import { useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link, useLocation, useSearchParams } from 'wouter-preact';
import { EntityLink, KindBadge } from '../components/bits.tsx';
import { useDebounced, useTitle } from '../components/hooks.ts';
import { KindFilter, kindsIn, withKinds } from '../components/kind-filter.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { KINDS } from '../lib/kinds.ts';
import { HomeQuery, SearchQuery } from '../queries/search.ts';

/** Search as you type: the text and kinds live in the URL (?q=…&kind=…), so a search is shareable. */
export function SearchView() {
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const [text, setText] = useState(params.get('q') ?? '');
  const kinds = kindsIn(params);
  const query = useDebounced(text.trim(), 150);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useTitle(query ? `“${query}”` : 'Search');
  useEffect(() => input.current?.focus(), []);

  // The URL follows the text (replacing, so typing does not fill the history) and back restores it.
  useEffect(() => {
    if ((params.get('q') ?? '') !== query) {
      const next = new URLSearchParams(params);
      if (query) next.set('q', query);
      else next.delete('q');
      setParams(next, { replace: true });
    }
  }, [query]);
  useEffect(() => setText(params.get('q') ?? ''), [params.get('q')]);
  useEffect(() => setActive(0), [query, kinds.join()]);

  const [result, reexecute] = useQuery({
    query: SearchQuery,
    variables: { text: query, kinds: kinds.length ? kinds : undefined, first: 20 },
    // A kind chosen with no text lists that kind.
    pause: query.length === 0 && kinds.length === 0,
  });
  const hits = result.data?.search.edges.map((e) => e.node) ?? [];

  return (
    <section class="search-view">
      <h1 class="visually-hidden">Search</h1>
      <div class="search-box">
        <input
          ref={input}
          type="search"
          aria-label="Search the graph"
          aria-controls={hits.length > 0 ? 'search-results' : undefined}
          placeholder="Search people, countries, treaties, events… (typos are forgiven)"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter' && hits[active]) navigate(`/entity/${hits[active].slug}`);
            else return;
            e.preventDefault();
          }}
        />
      </div>
      <KindFilter
        legend="Only these kinds"
        kinds={KINDS}
        chosen={kinds}
        onChange={(chosen) => setParams(withKinds(params, chosen))}
      />
      {query.length === 0 && kinds.length === 0 ? (
        <Welcome />
      ) : result.error ? (
        <ErrorBox error={result.error} retry={reexecute} />
      ) : !result.data ? (
        <Loading what="Searching" />
      ) : hits.length === 0 ? (
        <Empty>
          <p>
            {query
              ? `Nothing matches “${query}”${kinds.length > 0 ? ' among the kinds chosen' : ''}. Try another spelling or fewer words.`
              : 'The graph has nothing of the kinds chosen.'}
          </p>
        </Empty>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {result.data.search.totalCount} result{result.data.search.totalCount === 1 ? '' : 's'}
            {result.stale && ' (updating…)'} · ↑↓ to move, Enter to open
          </p>
          <ul id="search-results" class="results" aria-label="Results">
            {hits.map((hit, i) => (
              <li key={hit.slug}>
                <Link
                  href={`/entity/${hit.slug}`}
                  class={i === active ? 'result active' : 'result'}
                  aria-current={i === active ? 'true' : undefined}
                  onMouseEnter={() => setActive(i)}
                >
                  <span class="result-name">{hit.name}</span> <KindBadge kind={hit.kind} />
                  <span class="result-description">{hit.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Before any text: what the graph holds and where to start. */
function Welcome() {
  const [result, reexecute] = useQuery({ query: HomeQuery });
  if (result.error) return <ErrorBox error={result.error} retry={reexecute} />;
  if (!result.data) return <Loading />;
  const { documents, countries } = result.data;
  return (
    <div class="welcome">
      <p>
        A curated graph of international relations: every fact cites the document it comes from,
        with the exact quote. Type a name above, or start from a country or a source.
      </p>
      <div class="columns">
        <section>
          <h2>Countries ({countries.totalCount})</h2>
          <ul class="chips">
            {countries.edges.map(({ node }) => (
              <li key={node.slug}>
                <EntityLink {...node} />
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>Sources ({documents.length})</h2>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <Link href={`/document/${encodeURIComponent(d.slug)}`}>{d.title}</Link>{' '}
                <span class="muted">— {d.publisher}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
