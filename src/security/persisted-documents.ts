import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, type GraphQLSchema, parse, print, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Trusted documents by id: the SHA-256 (hex) of each document's text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads a persisted documents file: a JSON object `{ "<sha256 hex>": "query …" }`. Throws naming
 * the file when it is not such an object, or when a 64-hex id is not the hash of its document.
 */
export function loadPersistedDocuments(file: string): PersistedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Persisted documents file ${file}: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`Persisted documents file ${file}: expected a JSON object of id → document`);
  }
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(json)) {
    if (typeof document !== 'string') {
      throw new Error(`Persisted documents file ${file}: the document of "${id}" is not a string`);
    }
    if (SHA256.test(id) && sha256(document) !== id) {
      throw new Error(
        `Persisted documents file ${file}: "${id}" is not the SHA-256 of its document`,
      );
    }
    documents.set(id, document);
  }
  return documents;
}

/** A trusted document: where it comes from, its id, and its text. */
export interface PersistedDocument {
  name: string;
  id: string;
  document: string;
}

/**
 * Turns GraphQL sources into persisted documents, one per source (its operations and fragments),
 * each keyed by the SHA-256 of the document as graphql-js prints it (which is what Apollo's
 * persisted-queries link hashes), and checked against `schema` when given. Throws naming the
 * source of the first one that does not parse or validate.
 */
export function persistedDocumentsOf(
  sources: { name: string; text: string }[],
  schema?: GraphQLSchema,
): PersistedDocument[] {
  return sources.map(({ name, text }) => {
    let document: ReturnType<typeof parse>;
    try {
      document = parse(text);
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
    const errors = schema ? validate(schema, document) : [];
    if (errors.length > 0) {
      throw new Error(`${name}: ${errors.map((e) => e.message).join('; ')}`);
    }
    const printed = print(document);
    return { name, id: sha256(printed), document: printed };
  });
}

/** The content of a persisted documents file: `{ "<id>": "<document>" }`. */
export const persistedDocumentsFile = (documents: PersistedDocument[]): Record<string, string> =>
  Object.fromEntries(documents.map(({ id, document }) => [id, document]));

const HOW = 'documentId, or extensions.persistedQuery.sha256Hash';

const requestError = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400, spec: true } } });

/** The id a request names: `documentId` (body or URL), or Apollo's `persistedQuery.sha256Hash`. */
function documentIdOf(params: object, request: Request): string | null {
  const { documentId, extensions } = params as { documentId?: unknown; extensions?: unknown };
  if (typeof documentId === 'string') return documentId;
  if (request.method === 'GET') {
    const fromUrl = new URL(request.url).searchParams.get('documentId');
    if (fromUrl) return fromUrl;
  }
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/**
 * Lets clients send the id of a trusted document instead of its text; with `only`, any request
 * carrying a query text is refused.
 */
export function usePersistedDocuments(documents: PersistedDocuments, only: boolean): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: (params, request) => documentIdOf(params, request),
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: ({ params, request }) =>
        requestError(
          `Persisted document "${documentIdOf(params, request)}" not found: no trusted document ` +
            'has this id.',
          'PERSISTED_QUERY_NOT_FOUND',
        ),
      keyNotFound: () =>
        requestError(
          `Must provide a query string or a persisted document id (${HOW}).`,
          'BAD_REQUEST',
        ),
      persistedQueryOnly: () =>
        requestError(
          `Only persisted documents are accepted here: send a document id (${HOW}) instead of a ` +
            'query text.',
          'PERSISTED_QUERY_ONLY',
        ),
    },
  }) as Plugin;
}
