/** Sending GraphQL as a client with an API key (or a given Authorization header) would. */
import type { ExecutionResult } from 'graphql';
import { createKey } from '../../src/auth/keys.ts';
import type { Database } from '../../src/db/database.ts';
import type { createApp } from '../../src/yoga.ts';

export interface Answer<Data = Record<string, any>> extends ExecutionResult<Data> {
  status: number;
  headers: Headers;
}

/** POSTs an operation with `authorization` as the Authorization header (none when undefined). */
export async function send<Data = Record<string, any>>(
  app: ReturnType<typeof createApp>,
  authorization: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer<Data>> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as ExecutionResult<Data>;
  return { ...body, status: response.status, headers: response.headers };
}

/** A new key of `role`, as the `Authorization` header value. */
export async function bearer(db: Database, role: string, name = `${role}-${Date.now()}`) {
  const { key, row } = await createKey(db, { name, role });
  return { header: `Bearer ${key}`, id: row.id, name: row.name };
}

/** An entity the seed's TASS document names and quotes, not yet in the graph: a first write. */
export const SOVIET_LEADERSHIP = {
  id: 'soviet-leadership',
  kind: 'Organization',
  name: 'Soviet leadership',
  description:
    'The leadership of the Soviet Union, which disagreed with Israel’s regional policies.',
  cite: 'as the Soviet leadership disagreed with Israel’s regional policies',
};

/**
 * Adds `alias` to Russia in the seed's TASS document, as a curator with `authorization` would over
 * HTTP at `url`: one revision, whose number it returns.
 */
export async function addRussiaAlias(
  url: string,
  authorization: string,
  alias: string,
  reason: string,
): Promise<number> {
  const post = async (query: string, variables: object = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: any }).data;
  };
  const document = 'tass-russian-israeli-relations';
  const read = await post(`{ document(id: "${document}") { revision } }`);
  const made = await post(
    'mutation ($input: AddAliasInput!) { addAlias(input: $input) { revision { number } problems { message } } }',
    {
      input: {
        document,
        expectedRevision: read.document.revision,
        reason,
        entity: 'russia',
        alias,
        curatorAlias: true,
      },
    },
  );
  if (!made.addAlias.revision) {
    throw new Error(`addAlias was refused: ${JSON.stringify(made.addAlias.problems)}`);
  }
  return made.addAlias.revision.number as number;
}
