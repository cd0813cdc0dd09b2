import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('the server over HTTP', () => {
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    // An empty graph: the server seeds it on start.
    server = await startTestServer({ graph: 'empty' });
    base = server.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await server?.close();
  });

  const post = async (query: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('answers { __typename }', async () => {
    expect(await post('{ __typename }')).toEqual({
      status: 200,
      body: {
        data: { __typename: 'Query' },
        extensions: { cost: { requested: 0, limit: 25000 } },
      },
    });
  });

  it('seeds an empty database on start and reads it from Neo4j', async () => {
    const { body } = await post('{ documents { slug title } }');
    expect(body.data.documents).toEqual([
      { slug: 'israel-russia-bilateral-relations', title: 'Bilateral relations: Israel - Russia' },
      { slug: 'tass-russian-israeli-relations', title: 'Summary of Russian-Israeli relations' },
    ]);
  });

  it('reports liveness at /health and readiness (Neo4j answers) at /ready', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // Ready once the start warm-up (bounded by READY_WARM_UP_MS) has run.
    await waitFor(
      '/ready answers 200',
      async () => (await fetch(`${base}/ready`)).status === 200,
      30_000,
    );
  });

  it('serves GraphiQL with a default query to browsers', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('graphiql');
    expect(html).toContain('Welcome');
  });

  it('rejects a malformed query with a clear syntax error', async () => {
    const { status, body } = await post('{ documents { ');
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
  });
});
