import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import {
  persistedDocumentsFile,
  persistedDocumentsOf,
} from '../../src/security/persisted-documents.ts';

/** An app and the store it reads through: a TestHelper (real Neo4j) or a stubApp (no database). */
export interface AppUnderTest {
  app: { fetch(url: string, init?: RequestInit): Response | Promise<Response> };
  db: Pick<Database, 'onQuery'>;
}

/** What one request got back, and how many Cypher statements it caused. */
export interface Answer {
  status: number;
  contentType: string | null;
  body: any;
  /** How many Cypher queries the request sent. */
  cypher: number;
}

export const GRAPHQL_JSON = 'application/graphql-response+json';

/** Sends one HTTP request to the app and counts the Cypher queries it causes. */
export async function send(
  target: AppUnderTest,
  init: RequestInit & { url?: string },
): Promise<Answer> {
  let cypher = 0;
  const stop = target.db.onQuery(() => {
    cypher += 1;
  });
  try {
    const response = await target.app.fetch(init.url ?? 'http://test/graphql', init);
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    const body = contentType?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, contentType, body, cypher };
  } finally {
    stop();
  }
}

/** POSTs a GraphQL request body as JSON. */
export const post = (target: AppUnderTest, body: unknown, headers: Record<string, string> = {}) =>
  send(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON, ...headers },
    body: JSON.stringify(body),
  });

/** POSTs one operation. */
export const ask = (target: AppUnderTest, query: string, variables: Record<string, unknown> = {}) =>
  post(target, { query, variables });

/** A refusal: one error with this message and code, and not a single Cypher query sent. */
export function expectRefused(
  answer: Answer,
  message: string | RegExp,
  code: string,
  status = 400,
) {
  expect(answer.body.errors, JSON.stringify(answer.body)).toHaveLength(1);
  const [error] = answer.body.errors;
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(error.extensions.code).toBe(code);
  expect(answer.status).toBe(status);
  // No data: null, or (for a nullable root field) every field null.
  expect(Object.values(answer.body.data ?? {}).every((value) => value === null)).toBe(true);
  expect(answer.cypher).toBe(0);
}

/** An answer without errors. */
export function expectAnswered(answer: Answer) {
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
}

/** `entity(id: "russia")` and then `levels - 1` nested `links(first: 1)`: `levels` deep. */
export function linksChain(levels: number): string {
  let inner = 'slug';
  for (let i = 1; i < levels; i++) inner = `links(first: 1) { edges { node { ${inner} } } }`;
  return `{ entity(id: "russia") { ${inner} } }`;
}

/** countries → treaties → parties → events, `size` per page. */
export const nested = (size: number | string) => `{
  countries(first: ${size}) { edges { node { name
    treaties(first: ${size}) { edges { node { name
      ... on Treaty { parties(first: ${size}) { edges { role citations { quote document { title } }
        node { name ... on Country { events(first: ${size}) { totalCount edges { node { name } } } } }
      } } }
    } } }
  } } }
}`;

/**
 * A persisted documents file holding one query of `countries(first: $n)`, written before the
 * enclosing describe's tests and removed after them: its folder, its path, and the query's id.
 */
export function usePersistedCountries() {
  const documents = {
    dir: '',
    file: '',
    id: '',
    text: 'query Countries($n: Int) { countries(first: $n) { edges { node { slug } } } }',
  };
  beforeAll(async () => {
    documents.dir = await mkdtemp(join(tmpdir(), 'persisted-'));
    documents.file = join(documents.dir, 'documents.json');
    const [document] = persistedDocumentsOf([{ name: 'countries.graphql', text: documents.text }]);
    documents.id = document?.id ?? '';
    await writeFile(
      documents.file,
      JSON.stringify(persistedDocumentsFile(document ? [document] : [])),
    );
  });
  afterAll(async () => {
    await rm(documents.dir, { recursive: true, force: true });
  });
  return documents;
}

/** A request for a persisted document by its hash, Apollo style, with `n: 2`. */
export const byHash = (id: string) => ({
  variables: { n: 2 },
  extensions: { persistedQuery: { version: 1, sha256Hash: id } },
});
