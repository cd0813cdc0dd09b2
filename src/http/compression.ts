import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import Negotiator from 'negotiator';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Encodings offered, best first; `negotiator` picks one by the request's Accept-Encoding (q-values). */
const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];

// negotiator 1.x breaks ties by the server's order when told it (its types lag behind).
const encodingOf = Negotiator.prototype.encoding as (
  this: Negotiator,
  available: readonly string[],
  options: { preferred: readonly string[] },
) => string | undefined;

/** The encoding to send for an Accept-Encoding header: the client's q-values, ties to brotli. */
function negotiate(acceptEncoding: string): Encoding | undefined {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  return encodingOf.call(negotiator, ENCODINGS, { preferred: ENCODINGS }) as Encoding | undefined;
}

/** Smaller answers go out as they are: compressing them saves less than it costs. */
const MIN_BYTES = 1024;

/**
 * Brotli quality 5: most of quality 11's gain on JSON at a small part of its CPU (an answer is
 * compressed as it goes out).
 */
async function compress(body: Uint8Array, encoding: Encoding): Promise<ArrayBuffer> {
  const out = await (encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body, { level: 6 }));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

export interface CompressionOptions {
  /**
   * A key for an answer that is the same for every request (GraphiQL's page), so it is compressed
   * once per encoding; null for the others.
   */
  constantKey?: (request: Request, response: Response) => string | null;
}

/**
 * Compresses the app's answers (GraphQL results, GraphiQL's page) with brotli or gzip, as the
 * client's Accept-Encoding asks; `Vary: Accept-Encoding` tells caches the answer depends on it.
 */
export function useCompression(options: CompressionOptions = {}): Plugin {
  const constant = new Map<string, Promise<ArrayBuffer>>();
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      const type = response.headers.get('content-type') ?? '';
      // A stream (subscriptions, @defer) must not wait for its end; this API answers queries only.
      if (type.includes('text/event-stream') || type.includes('multipart/')) return;
      const accepted = request.headers.get('accept-encoding');
      const encoding = accepted ? negotiate(accepted) : undefined;
      if (!encoding) {
        response.headers.append('vary', 'Accept-Encoding');
        return;
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'Accept-Encoding');
      const key = options.constantKey?.(request, response);
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.byteLength < MIN_BYTES) {
        setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
        return;
      }
      let compressed: Promise<ArrayBuffer>;
      if (key) {
        const cacheKey = `${key}\0${encoding}`;
        compressed = constant.get(cacheKey) ?? compress(body, encoding);
        constant.set(cacheKey, compressed);
      } else compressed = compress(body, encoding);
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      setResponse(new fetchAPI.Response(await compressed, { status: response.status, headers }));
    },
  };
}

/** The app's one HTML answer is GraphiQL's page, the same for every request. */
export function isGraphiQLPage(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/html');
}
