import { GraphQLError, Kind, parse } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

type ResultPayload = Parameters<NonNullable<Plugin['onResultProcess']>>[0];

/**
 * Rewrites the message of errors in every response just before it is sent (parse, validation,
 * execution and HTTP errors alike); `rewrite` returns the message unchanged to keep an error.
 */
export function useRewriteErrors(
  rewrite: (error: GraphQLError, payload: ResultPayload) => string,
): Plugin {
  return {
    onResultProcess(payload) {
      const { result, setResult } = payload;
      if (isAsyncIterable(result)) return;
      const results = (Array.isArray(result) ? result : [result]).map((single) => {
        if (!single.errors?.length) return single;
        const errors = single.errors.map((error) => {
          const message = rewrite(error, payload);
          return message === error.message ? error : withMessage(error, message);
        });
        return { ...single, errors };
      });
      setResult(Array.isArray(result) ? results : (results[0] ?? result));
    },
  };
}

function withMessage(error: GraphQLError, message: string): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Production shows no `extensions.originalError`: yoga puts one on the errors of its HTTP layer
 * (e.g. the JSON parser's message for a malformed body) whatever the masking settings.
 */
export function useHideOriginalErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result) || Array.isArray(result) || !result.errors?.length) return;
      const errors = result.errors.map((error) => {
        if (!error.extensions?.originalError) return error;
        const { originalError: _hidden, ...extensions } = error.extensions;
        return new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          extensions,
        });
      });
      setResult({ ...result, errors });
    },
  };
}

/** The names of a document's operations, for a message; empty when it does not parse. */
function operationNames(query: unknown): string[] {
  if (typeof query !== 'string') return [];
  try {
    return parse(query).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name ? `"${d.name.value}"` : 'one unnamed'] : [],
    );
  } catch {
    return [];
  }
}

/**
 * Says which operation could not be chosen, where yoga answers only "Could not determine what
 * operation to execute.": an `operationName` naming no operation of the document, or a document
 * with several operations and no `operationName`.
 */
export function useClearerOperationErrors(): Plugin {
  const paramsOf = new WeakMap<Request, { query?: unknown; operationName?: unknown }>();
  return {
    onParams({ params, request }) {
      paramsOf.set(request, params);
    },
    ...useRewriteErrors((error, { request }) => {
      if (error.extensions?.code !== 'OPERATION_RESOLUTION_FAILURE') return error.message;
      const params = paramsOf.get(request);
      const names = operationNames(params?.query);
      const listed = names.length > 0 ? names.join(', ') : 'none';
      if (typeof params?.operationName === 'string' && params.operationName !== '') {
        return `operationName "${params.operationName}" names no operation of the document (its operations: ${listed}).`;
      }
      return `The document holds ${names.length} operations (${listed}): send operationName to say which to run.`;
    }),
  };
}

/** Strips "Did you mean …?" from every error (fields, arguments, types, enum values). */
export function useHideSuggestions(): Plugin {
  return useRewriteErrors((error) => error.message.replace(/\s*Did you mean [^?]*\?/g, '').trim());
}

/**
 * Makes yoga's HTTP refusals say what to do: its 413 "Request body too large" names the limit (yoga
 * refuses a body whose Content-Length is above `maxRequestBodySize` before reading it, and stops
 * reading one without a Content-Length as soon as it passes the limit), and its 400 for a JSON
 * array body says that batching is off.
 */
export function useClearerHttpErrors(maxBodyBytes: number): Plugin {
  return useRewriteErrors((error, { request }) => {
    if (error.extensions?.code === 'REQUEST_ENTITY_TOO_LARGE') {
      const length = Number(request.headers.get('content-length') ?? Number.NaN);
      const found = length > maxBodyBytes ? `${length} bytes; ` : '';
      return `Request body too large: ${found}the limit is ${maxBodyBytes} bytes.`;
    }
    if (error.message === 'Batching is not supported.') {
      return 'Batching is not supported: send one operation per request, as a JSON object, not an array.';
    }
    return error.message;
  });
}
