import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/auth/keys.ts';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';
import { TestHelper } from '../helpers/test-helper.ts';
import { addRussiaAlias } from '../helpers/write-client.ts';

// An entity page and the recent changes page follow a write made through the API while they are
// open: no reload, a polite notice, and the entity's history shows the write with its reason.

const REASON = 'a usual spelling in the Russian press';
/** The machine may be busy: a refetch may take seconds (expect.poll gives 1 s by default). */
const WAIT = { timeout: 45_000 };

describe('live updates in the explorer (Chromium)', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let entityPage: Page;
  let changesPage: Page;
  let authorization: string;

  beforeAll(async () => {
    ({ session } = tests);
    entityPage = tests.page;
    changesPage = await session.browser.context.newPage();
    const helper = new TestHelper();
    try {
      const { key } = await createKey(helper.db, { name: 'Live Curator', role: 'curator' });
      authorization = `Bearer ${key}`;
    } finally {
      await helper.close();
    }
  });

  /** Opens `path` and waits until its live feed is connected (its subscription sent). */
  async function openLive(page: Page, path: string) {
    const subscribed = page.waitForRequest(
      (request) =>
        request.method() === 'POST' && (request.postData() ?? '').includes('LiveChanges'),
    );
    await page.goto(`${session.base}${path}`);
    await subscribed;
    // The page's own marker: gone if anything reloads it.
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
  }
  const notReloaded = (page: Page) =>
    page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

  it('updates an open entity page and the changes page when a write is made, and shows it in history', async () => {
    await openLive(entityPage, '/entity/russia');
    await entityPage.getByRole('heading', { name: 'History' }).waitFor();
    await entityPage.locator('[data-testid="history"] .revision').first().waitFor();
    await openLive(changesPage, '/changes');
    await changesPage.locator('[data-testid="changes"] .revision').first().waitFor();
    // Give the event streams a moment to be answered by the server (their first bytes).
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const number = await addRussiaAlias(session.server.url, authorization, 'Rossiya', REASON);

    // The entity page: a polite notice, the alias refetched, the write first in its history.
    const notice = entityPage.getByTestId('live-notice');
    await expect
      .poll(() => notice.textContent(), WAIT)
      .toContain('Updated by Live Curator just now');
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(() => entityPage.locator('.aliases').textContent(), WAIT)
      .toContain('Rossiya');
    const newest = entityPage.locator('[data-testid="history"] .revision').first();
    await expect.poll(() => newest.getAttribute('data-revision'), WAIT).toBe(String(number));
    expect(await newest.textContent()).toContain(REASON);
    expect(await newest.locator('.revision-diff').textContent()).toContain('Rossiya');

    // The changes page: the write added at the top.
    const top = changesPage.locator('[data-testid="changes"] .revision').first();
    await expect.poll(() => top.getAttribute('data-revision'), WAIT).toBe(String(number));
    expect(await top.textContent()).toContain(REASON);
    expect(await top.textContent()).toContain('Live Curator');

    expect(await notReloaded(entityPage)).toBe(true);
    expect(await notReloaded(changesPage)).toBe(true);
    expect(session.browser.pageErrors).toEqual([]);
  });

  it('filters the changes by author, the filter in the address', async () => {
    await changesPage.goto(`${session.base}/changes?author=import`);
    const rows = changesPage.locator('[data-testid="changes"] .revision');
    await rows.first().waitFor();
    const authors = await rows.locator('.revision-head strong').allTextContents();
    expect(new Set(authors)).toEqual(new Set(['import']));
    await changesPage.getByLabel('Author').fill('Live Curator');
    await changesPage.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => new URL(changesPage.url()).search, WAIT).toBe('?author=Live+Curator');
    await expect
      .poll(() => changesPage.locator('.changes-view').textContent(), WAIT)
      .toContain('1 change matches.');
    expect(await rows.locator('.revision-head strong').allTextContents()).toEqual(['Live Curator']);
  });
});
