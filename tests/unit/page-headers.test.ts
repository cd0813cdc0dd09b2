import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StubStore } from '../helpers/stub-store.ts';
import { useTestServer } from '../helpers/test-server.ts';

// The HTML pages (explorer, GraphiQL) say what they may load and that nothing may frame them;
// GraphiQL's 9 MB page is cached and revalidated; API answers vary by Origin; a file that is not
// there is a 404 that says so. Headers only: the server reads through a stub store, no Neo4j.

const ALLOWED = 'https://app.example';

describe('headers of pages and answers', () => {
  let dir: string;
  const server = useTestServer(async () => {
    dir = await mkdtemp(join(tmpdir(), 'explorer-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Relations explorer</title>');
    await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    return { store: new StubStore(), env: { EXPLORER_DIR: dir, CORS_ORIGINS: ALLOWED } };
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const expectPageHeaders = (headers: Headers) => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
  };

  it('gives the explorer its security headers, and answers a missing file 404 with a body', async () => {
    const page = await fetch(`${server.origin}/entity/russia`);
    expect(page.status).toBe(200);
    expectPageHeaders(page.headers);

    const missing = await fetch(`${server.origin}/assets/gone-0000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(
      'Not found: /assets/gone-0000.js is not a file of the explorer.\n',
    );
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives GraphiQL its security headers, the hashes of its inline scripts, and cache headers', async () => {
    const page = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    await page.text();
    expectPageHeaders(page.headers);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(page.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = page.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await fetch(`${server.origin}/graphql`, {
      headers: { accept: 'text/html', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('says Vary: Origin on API answers, for an allowed origin, another, and none', async () => {
    for (const origin of [ALLOWED, 'https://other.example', undefined]) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ query: '{ documents { slug } }' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('vary') ?? '', String(origin)).toMatch(/\bOrigin\b/i);
      expect(response.headers.get('access-control-allow-origin')).toBe(
        origin === ALLOWED ? ALLOWED : null,
      );
    }
  });
});
