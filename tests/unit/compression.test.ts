import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { isGraphiQLPage, useCompression } from '../../src/http/compression.ts';

const PAGE = `<!doctype html><title>GraphiQL</title>${'<p>GraphiQL</p>'.repeat(2000)}`;

function tinyApp() {
  return createYoga({
    schema: createSchema({
      typeDefs: 'type Query { text(size: Int!): String! }',
      resolvers: { Query: { text: (_: unknown, { size }: { size: number }) => 'x'.repeat(size) } },
    }),
    graphiql: true,
    renderGraphiQL: () => PAGE,
    plugins: [useCompression({ constantKey: (_, res) => (isGraphiQLPage(res) ? 'page' : null) })],
  });
}

async function ask(app: ReturnType<typeof tinyApp>, acceptEncoding: string | null, size = 5000) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: `{ text(size: ${size}) }` }),
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('compressed answers', () => {
  it('sends brotli or gzip as Accept-Encoding asks, q-values included', async () => {
    const app = tinyApp();
    const expected = JSON.stringify({ data: { text: 'x'.repeat(5000) } });
    const br = await ask(app, 'gzip, deflate, br');
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.body.length).toBeLessThan(200);
    expect(brotliDecompressSync(br.body).toString()).toBe(expected);
    const gz = await ask(app, 'br;q=0, gzip');
    expect(gz.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(expected);
    for (const response of [br.response, gz.response])
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
  });

  it('sends the answer as it is when the client asks for no encoding it offers, or it is small', async () => {
    const app = tinyApp();
    for (const accept of [null, 'identity', 'deflate']) {
      const { response, body } = await ask(app, accept);
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(body.toString()).data.text).toHaveLength(5000);
    }
    const small = await ask(app, 'br', 10);
    expect(small.response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { text: 'x'.repeat(10) } });
  });

  it("compresses GraphiQL's page once per encoding and sends the same bytes each time", async () => {
    const app = tinyApp();
    const page = () =>
      app.fetch('http://test/graphql', {
        headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
      });
    const first = await page();
    const second = await page();
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const [a, b] = await Promise.all([first.arrayBuffer(), second.arrayBuffer()]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(gunzipSync(Buffer.from(a)).toString()).toBe(PAGE);
  });
});
