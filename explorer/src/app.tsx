import { Provider } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { Link, Route, Switch, useLocation } from 'wouter-preact';
import { client } from './client.ts';
import { NotFound } from './components/states.tsx';
import { SignIn } from './curator/sign-in.tsx';
import { ChangesView } from './views/changes-view.tsx';
import { DocumentView } from './views/document-view.tsx';
import { DraftView } from './views/draft-view.tsx';
import { EntityView } from './views/entity-view.tsx';
import { GraphView } from './views/graph-view.tsx';
import { PathView } from './views/path-view.tsx';
import { RelationView } from './views/relation-view.tsx';
import { SearchView } from './views/search-view.tsx';
import { TimelineView } from './views/timeline-view.tsx';

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const [location] = useLocation();
  // Search is the home page only: an entity or its graph is not a search.
  const active = href === '/' ? location === '/' : location.startsWith(href);
  return (
    <Link
      href={href}
      class={active ? 'active' : undefined}
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}

/**
 * A new page starts at its top, as a link to another document does; a changed query does not move.
 * A layout effect, so it runs before a view's own effects (a document scrolling to its quote).
 */
function useScrollToTopOnNavigation() {
  const [location] = useLocation();
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
}

/** The explorer: one URL per view, so every page can be shared and back and forward work. */
export function App() {
  useScrollToTopOnNavigation();
  return (
    <Provider value={client}>
      <header class="topbar">
        <Link href="/" class="brand">
          Relations explorer
        </Link>
        <nav>
          <NavLink href="/">Search</NavLink>
          <NavLink href="/timeline">Timeline</NavLink>
          <NavLink href="/relation">Relation</NavLink>
          <NavLink href="/path">Path</NavLink>
          <NavLink href="/draft">Draft</NavLink>
          <NavLink href="/changes">Changes</NavLink>
          <a href="/graphql">GraphiQL</a>
        </nav>
        <SignIn />
      </header>
      <main>
        <Switch>
          <Route path="/" component={SearchView} />
          <Route path="/entity/:slug">
            {(p: { slug: string }) => <EntityView key={p.slug} slug={p.slug} />}
          </Route>
          <Route path="/graph/:slug">
            {(p: { slug: string }) => <GraphView key={p.slug} slug={p.slug} />}
          </Route>
          <Route path="/timeline" component={TimelineView} />
          <Route path="/relation/:a?/:b?">
            {(p: { a?: string; b?: string }) => <RelationView a={p.a} b={p.b} />}
          </Route>
          <Route path="/path/:from?/:to?">
            {(p: { from?: string; to?: string }) => <PathView from={p.from} to={p.to} />}
          </Route>
          <Route path="/document/:id">
            {(p: { id: string }) => <DocumentView key={p.id} id={p.id} />}
          </Route>
          <Route path="/draft" component={DraftView} />
          <Route path="/changes" component={ChangesView} />
          <Route component={NotFound} />
        </Switch>
      </main>
    </Provider>
  );
}
