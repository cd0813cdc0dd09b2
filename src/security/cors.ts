import type { CORSOptions, Plugin } from 'graphql-yoga';
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

/**
 * `Vary: Origin` on every API response: whether an answer carries CORS headers, and which origin
 * they name, depends on the request's Origin, so a cache must not serve one origin's answer (or
 * one without an Origin) to another. yoga adds it only to answers that carry CORS headers.
 */
export function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary) response.headers.set('vary', 'Origin');
      else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary))
        response.headers.set('vary', `${vary}, Origin`);
    },
  };
}
