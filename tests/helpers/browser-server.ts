import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { openBrowser, SCREENSHOTS, type TestBrowser } from './browser.ts';
import { startTestServer } from './test-server.ts';

export interface BrowserSession {
  server: RunningServer;
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: TestBrowser;
  /** Writes a screenshot of the page to artifacts/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The seeded graph served on a free loopback port, and a Chromium that may reach nothing else. */
export async function startBrowserSession(): Promise<BrowserSession> {
  // A busy machine (tests run in parallel) must not turn a slow answer into a failure here.
  const server = await startTestServer({ env: { NEO4J_TX_TIMEOUT_MS: '60000' } });
  const browser = await openBrowser();
  // The machine may be busy: waits are generous, nothing here measures speed.
  browser.page.setDefaultTimeout(45_000);
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    server,
    base: server.url.replace(/\/graphql$/, ''),
    browser,
    async screenshot(name) {
      await browser.page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A browser session for the tests of one file or describe block: started before them, closed
 * after; `session` and `page` are there once they start.
 */
export function browserSessionForTests(): {
  readonly session: BrowserSession;
  readonly page: Page;
} {
  let started: BrowserSession | undefined;
  beforeAll(async () => {
    started = await startBrowserSession();
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get session() {
      if (!started) throw new Error('the browser session has not started');
      return started;
    },
    get page() {
      return this.session.browser.page;
    },
  };
}
