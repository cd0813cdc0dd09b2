/** The curator's key for this tab: sessionStorage only, never localStorage or a URL. */

/** What yoga's CSRF prevention accepts on any POST: a header no HTML form can set. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

const STORAGE_KEY = 'relations-explorer.key';

export interface Viewer {
  name: string;
  role: string;
}

export interface Session {
  key: string;
  viewer: Viewer;
}

/** The storage the session lives in; a parameter so tests can pass their own. */
export type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const listeners = new Set<() => void>();
let current: Session | null | undefined;

function storage(): KeyStorage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

/** The signed-in session, read once from sessionStorage. */
export function currentSession(store: KeyStorage | null = storage()): Session | null {
  if (current === undefined) {
    const saved = store?.getItem(STORAGE_KEY);
    try {
      current = saved ? (JSON.parse(saved) as Session) : null;
    } catch {
      current = null;
    }
  }
  return current;
}

/** Signs in (a session) or out (null), and tells every listener. */
export function setSession(next: Session | null, store: KeyStorage | null = storage()): void {
  current = next;
  if (next) store?.setItem(STORAGE_KEY, JSON.stringify(next));
  else store?.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

/** Calls `listener` when the session changes; returns the function that stops it. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The headers of every request: the CSRF header, and the bearer key when signed in. */
export function requestHeaders(key: string | null | undefined): Record<string, string> {
  return { [CSRF_HEADER]: '1', ...(key ? { authorization: `Bearer ${key}` } : {}) };
}

/** Whether `role` may do what `needed` may (curator < editor < admin), as the server ranks them. */
export function mayDo(role: string | undefined, needed: 'curator' | 'editor'): boolean {
  const ranks = ['curator', 'editor', 'admin'];
  return role !== undefined && ranks.indexOf(role) >= ranks.indexOf(needed);
}
