import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server.ts';

describe('the server over HTTP', () => {
  // An empty graph: the server seeds it on start.
  const server = useTestServer({ graph: 'empty' });

  const post = async (query: string) => {
    const response = await fetch(`${server.origin}/graphql`, {
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
    expect((await fetch(`${server.origin}/health`)).status).toBe(200);
    expect((await fetch(`${server.origin}/ready`)).status).toBe(200);
  });

  it('serves GraphiQL with a default query to browsers', async () => {
    const response = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
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
