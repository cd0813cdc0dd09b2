import type { CORSOptions } from 'graphql-yoga';
import type { Config } from '../config.ts';

/**
 * Yoga's CORS options from CORS_ORIGINS. Any origin (`*`) or an allow-list may read answers, never
 * with credentials: the API has no cookies or sessions, so a browser must not send them. An origin
 * not on the list gets no CORS headers at all, so the browser keeps the answer from it.
 */
export function corsOptions(config: Config): (request: Request) => CORSOptions {
  const allowed = config.CORS_ORIGINS;
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || (allowed !== '*' && !allowed.includes(origin))) return false;
    // `*` makes yoga echo the request's origin (checked above) with `Vary: Origin`.
    return { origin: '*', credentials: false, maxAge: 600 };
  };
}
