import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { TestHelper, useSeededGraph } from '../helpers/test-helper.ts';

// What a browser may do: read answers from other origins (CORS, as configured, never with
// credentials), and never make a write-capable request from a form without the server's consent
// (CSRF prevention).

const QUERY = '{ documents { slug } }';
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

const preflight = (helper: TestHelper, origin: string) =>
  helper.app.fetch('http://test/graphql', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

const postFrom = (helper: TestHelper, origin: string) =>
  helper.app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { ...JSON_HEADERS, origin },
    body: JSON.stringify({ query: QUERY }),
  });

const corsHeaders = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));

describe('CORS by default: any origin may read, without credentials', () => {
  const helper = useSeededGraph();

  it('allows a preflight from any origin, without credentials', async () => {
    const response = await preflight(helper, 'https://anywhere.example');
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': 'https://anywhere.example',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
  });

  it('lets any origin read an answer, and says it varies by origin', async () => {
    const response = await postFrom(helper, 'https://anywhere.example');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
    expect((await response.json()).data.documents).toHaveLength(2);
  });
});

describe('CORS with an allow-list (CORS_ORIGINS)', () => {
  const helper = new TestHelper({
    env: { CORS_ORIGINS: 'https://app.example, http://localhost:5173' },
  });

  afterAll(async () => {
    await helper.close();
  });

  it('allows the listed origins, without credentials', async () => {
    for (const origin of ['https://app.example', 'http://localhost:5173']) {
      const response = await preflight(helper, origin);
      expect(corsHeaders(response)).toMatchObject({ 'access-control-allow-origin': origin });
      const answer = await postFrom(helper, origin);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('gives any other origin no CORS headers, so its browser keeps the answer from it', async () => {
    expect(corsHeaders(await preflight(helper, 'https://evil.example'))).toEqual({});
    const answer = await postFrom(helper, 'https://evil.example');
    expect(corsHeaders(answer)).toEqual({});
  });

  it('refuses a setting that is not a list of origins, saying which entry is wrong', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example, app.example/path' })).toThrow(
      'CORS_ORIGINS: "app.example/path" is not an origin (scheme://host[:port], no path), nor *',
    );
  });
});

describe('CSRF prevention', () => {
  const helper = new TestHelper();

  afterAll(async () => {
    await helper.close();
  });

  const form = (headers: Record<string, string> = {}) =>
    helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...headers,
      },
      body: new URLSearchParams({ query: QUERY }).toString(),
    });

  it('refuses a POST an HTML form could send (no preflight) with 403, before running it', async () => {
    const response = await form();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'A POST in a content type an HTML form can send (application/x-www-form-urlencoded) must carry the x-graphql-yoga-csrf header, which a form cannot set; or send application/json.',
          extensions: { code: 'CSRF_PREVENTED' },
        },
      ],
    });
  });

  it('runs that POST when it carries the CSRF header (which needs a preflight)', async () => {
    const response = await form({ 'x-graphql-yoga-csrf': '1' });
    expect(response.status).toBe(200);
    expect((await response.json()).data.documents).toHaveLength(2);
  });

  it('runs a JSON POST (always preflighted) and a GET query (which writes nothing) as they are', async () => {
    const post = await helper.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.status).toBe(200);
    const get = await helper.app.fetch(`http://test/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    expect((await get.json()).data.documents).toHaveLength(2);
  });
});
