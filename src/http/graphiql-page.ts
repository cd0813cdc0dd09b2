import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';
import { graphiqlHeaders } from './page-headers.ts';

type RenderOptions = Parameters<typeof renderGraphiQL>[0];

/**
 * GraphiQL's page, built once (its scripts and styles are inlined from the package, not fetched
 * from a CDN, so it works offline; ~9 MB, the same for every request of an app), and the plugin
 * that gives it its headers: a CSP allowing its own inline scripts only, no framing, caching with
 * an ETag (a revalidation answers 304). The page is sent as bytes encoded once: encoding 9 MB of
 * text for every request took milliseconds of the event loop each, which page loads a client
 * aborts at once made into a flood.
 */
export function graphiqlPage() {
  let page: string | undefined;
  let headers: Record<string, string> | undefined;
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  const render = (options: RenderOptions) => {
    page ??= renderGraphiQL(options);
    headers ??= graphiqlHeaders(page);
    bytes ??= new TextEncoder().encode(page);
    return page;
  };
  const plugin: Plugin = {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!headers || !bytes || request.method !== 'GET' || response.status !== 200) return;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      if (request.headers.get('if-none-match') === headers.etag) {
        const { etag, 'cache-control': cacheControl } = headers;
        setResponse(
          new fetchAPI.Response(null, {
            status: 304,
            headers: { etag: etag as string, 'cache-control': cacheControl as string },
          }),
        );
        return;
      }
      setResponse(
        new fetchAPI.Response(bytes, {
          status: 200,
          headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        }),
      );
    },
  };
  return { render, plugin };
}
