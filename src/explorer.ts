import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { EXPLORER_HEADERS } from './http/page-headers.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Relations explorer</title>
<p>The explorer has not been built: run <code>npm run explorer:build</code> (npm start does it
when it is missing). The API is at <a href="/graphql">/graphql</a>.</p>`;

/** A file that is not there (a path with an extension): 404, saying so. */
function notFound(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(`Not found: ${path} is not a file of the explorer.\n`);
}

/**
 * Serves the built explorer from `dir`: its hashed assets cached for good, index.html for every
 * other path (the explorer routes in the browser, so /entity/russia is a page too), with its
 * security headers (page-headers.ts); a missing file (a path with an extension) is a 404.
 */
export function explorerHandler(dir: string): RequestHandler {
  if (!existsSync(join(dir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', ...EXPLORER_HEADERS });
      res.end(NOT_BUILT);
    };
  }
  const serve = sirv(dir, {
    single: true,
    etag: true,
    // The build writes .br and .gz beside each file; sirv sends one as Accept-Encoding asks.
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      const asset = pathname.startsWith('/assets/');
      res.setHeader('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (asset) res.setHeader('x-content-type-options', 'nosniff');
      else for (const [name, value] of Object.entries(EXPLORER_HEADERS)) res.setHeader(name, value);
    },
    onNoMatch: notFound,
  });
  return (req, res) => serve(req, res);
}
