import { GraphQLError } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';

const tooLarge = () =>
  new GraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

const invalidLength = () =>
  new GraphQLError('Content-Length header is invalid.', {
    extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
  });

/** One non-negative integer: anything else (e.g. "10, 10" in a smuggling attempt) is refused. */
const CONTENT_LENGTH = /^\d+$/;

/** The request, its body cut off with 413 once more than `limit` bytes have arrived. */
function counted(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const body = request.body as ReadableStream<Uint8Array>;
  const Transform =
    body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body limit (413), in place of yoga's `maxRequestBodySize`, which pipes every body
 * through a stream transform, a large share of a small request's CPU. A body with a valid
 * Content-Length within the limit is read as it is (Node's HTTP parser never delivers more bytes
 * than it declares); one above it is refused before it is read; only a chunked body is counted
 * as it arrives, and cut off once past the limit.
 */
export function useBodySizeLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!CONTENT_LENGTH.test(length)) throw invalidLength();
        if (Number(length) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}
