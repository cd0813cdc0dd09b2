import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Relations explorer</title>
<p>The explorer has not been built: run <code>npm run explorer:build</code> (npm start does it
when it is missing). The API is at <a href="/graphql">/graphql</a>.</p>`;

/**
 * Serves the built explorer from `dir`: its hashed assets cached for good, index.html for every
 * other path (the explorer routes in the browser, so /entity/russia is a page too).
 */
export function explorerHandler(dir: string): RequestHandler {
  if (!existsSync(join(dir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      res.end(NOT_BUILT);
    };
  }
  const serve = sirv(dir, {
    single: true,
    etag: true,
    // The build writes .br and .gz beside each file; sirv sends one as Accept-Encoding asks.
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) =>
      res.setHeader(
        'cache-control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (req, res) => serve(req, res);
}
