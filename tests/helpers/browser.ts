import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it when missing); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where tests leave screenshots (git-ignored). */
export const SCREENSHOTS = 'artifacts/screenshots';

// No first-run, sync, updates or background traffic: the browser itself asks nothing of the network.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True for an address on this machine: 127.0.0.0/8, localhost, [::1]. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Every request to anywhere but loopback, each aborted before it left the browser. */
  blocked: string[];
  /** Uncaught errors of the pages. */
  pageErrors: string[];
  /** What the pages' Content-Security-Policy refused, as Chromium reports it. */
  refusedByPolicy: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile in which every request not to loopback is aborted and
 * recorded, so a test can assert that a page needed nothing from outside this machine.
 */
export async function openBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: run scripts/ci/ensure-browser.sh (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 860 },
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (isLoopback(ws.url().replace(/^ws/, 'http'))) ws.connectToServer();
    else {
      blocked.push(ws.url());
      void ws.close();
    }
  });
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  const refusedByPolicy: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    pageErrors,
    refusedByPolicy,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Milliseconds from the page's navigation start until now (performance.now() in the page). */
export function sinceNavigation(page: Page): Promise<number> {
  return page.evaluate(() => Math.round(performance.now()));
}
