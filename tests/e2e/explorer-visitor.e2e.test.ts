import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';

/** The page's visible text, to check for words that must never be shown. */
function shownText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as shown.
  return page.locator('main').innerText();
}

describe('what a first-time visitor saw go wrong, in Chromium', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = tests);
  });

  it('writes spans as their two ends, never "NaN" or "undefined"', async () => {
    await page.goto(`${session.base}/entity/russia-israel-trade-change-2019`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.facts time', { hasText: 'Jan – Sep 2019' }).waitFor();
    await page.goto(`${session.base}/relation/russia/israel`);
    await page.locator('.list h3', { hasText: 'Figures' }).waitFor();
    await page.getByTestId('status-as-of').waitFor();
    expect(await shownText(page)).not.toMatch(/NaN|undefined/);
  });

  it('opens a link at the top of the new page, never showing the previous entity meanwhile', async () => {
    await page.goto(`${session.base}/entity/russia`);
    await page.getByRole('heading', { level: 1, name: /Russia/ }).waitFor();
    await page.locator('[data-testid="graph"][data-ready="true"]').waitFor();
    // Answers arrive late, so whatever the page shows before them can be seen.
    await page.route(`${session.base}/graphql`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    const link = page.locator('.link-group .entity-link').last();
    await link.scrollIntoViewIfNeeded();
    const target = (await link.textContent()) ?? '';
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await link.click();
    await page.waitForURL((url) => !url.pathname.endsWith('/entity/russia'));
    const shownMeanwhile = await page.evaluate(() => ({
      scrollY: window.scrollY,
      heading: document.querySelector('h1')?.textContent ?? '',
      graph: document.querySelector('[data-testid="graph"]')?.getAttribute('data-positions'),
    }));
    expect(shownMeanwhile.scrollY).toBe(0);
    expect(shownMeanwhile.heading).not.toMatch(/Russia/);
    expect(shownMeanwhile.graph ?? '').not.toContain('"russia"');
    await page.getByRole('heading', { level: 1, name: target.trim() }).waitFor();
    await page.unroute(`${session.base}/graphql`);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('takes ?asOf= as a partial date, and says what is wrong with one that is not a date', async () => {
    await page.goto(`${session.base}/relation/russia/israel?asOf=1970`);
    const status = page.getByTestId('status-as-of');
    await status.locator('.status', { hasText: 'SEVERED' }).waitFor();
    await status.getByText(/^As of 1970:/).waitFor();
    await page.goto(`${session.base}/relation/russia/israel?asOf=garbage`);
    await page
      .getByRole('alert')
      .getByText(/"garbage" is not a date/)
      .waitFor();
    expect(await page.getByTestId('status-as-of').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('shows a curator’s note once, a role without "as as", links that read the right way', async () => {
    await page.goto(`${session.base}/relation/russia/israel?asOf=1970`);
    const status = page.getByTestId('status-as-of');
    await status.locator('.citations .quote').first().waitFor();
    const quotes = await status.locator('.citations .quote').count();
    const notes = await status.locator('.note').allTextContents();
    expect(quotes).toBeGreaterThan(1);
    expect(notes.length).toBe(new Set(notes).size);
    expect(notes.length).toBeLessThan(quotes);

    // Roles written with their own "as" are a unit test's (explorer-views); here a plain one.
    await page.goto(`${session.base}/entity/ussr-severs-ties-with-israel-1967`);
    await page.locator('.role', { hasText: 'as initiator' }).waitFor();
    expect(await shownText(page)).not.toMatch(/\bas as\b/);

    await page.goto(`${session.base}/entity/ussr-recognizes-israel-1948`);
    await page.locator('.link-group summary', { hasText: /^Followed by/i }).waitFor();
    expect((await page.locator('.link-group summary').allTextContents()).join()).not.toMatch(
      /[←→↔]/,
    );
    expect(await shownText(page)).not.toMatch(/\b1 (links|entities)\b/);
  });

  it('names entities by name, never by slug, and the nav marks only the view it is on', async () => {
    await page.goto(`${session.base}/graph/russia`);
    await page.getByRole('heading', { level: 1, name: 'Neighbourhood of Russia' }).waitFor();
    expect(await page.locator('nav a[aria-current="page"]').count()).toBe(0);

    await page.goto(`${session.base}/timeline?involving=benjamin-netanyahu`);
    await page.locator('.filter-row button', { hasText: /^Benjamin Netanyahu/ }).waitFor();

    await page.goto(`${session.base}/path/benjamin-netanyahu/syria`);
    await page.getByPlaceholder('Benjamin Netanyahu — type to change').waitFor();
    await page.waitForFunction(() => document.title.startsWith('Benjamin Netanyahu → Syria'));
    expect(await page.locator('nav a[aria-current="page"]').allTextContents()).toEqual(['Path']);

    await page.goto(`${session.base}/entity/russia`);
    await page.getByRole('heading', { level: 1, name: /Russia/ }).waitFor();
    expect(await page.locator('nav a[aria-current="page"]').count()).toBe(0);
    await page.goto(`${session.base}/`);
    await page.getByRole('heading', { name: /^Countries/ }).waitFor();
    expect(await page.locator('nav a[aria-current="page"]').allTextContents()).toEqual(['Search']);
  });

  it('says what is wrong with an address, and offers no retry that cannot help', async () => {
    await page.goto(`${session.base}/relation/russia/russia`);
    await page
      .getByRole('alert')
      .getByText('Russia twice: choose two different countries.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await page.goto(`${session.base}/relation/russia/ussr`);
    const alert = page.getByRole('alert');
    await alert.getByText(/one line of states/).waitFor();
    expect(await alert.textContent()).not.toContain('Something went wrong');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('finds "IL20", "UNSC" and "resolution242", and a kind chosen with no text lists that kind', async () => {
    const box = page.getByRole('searchbox', { name: 'Search the graph' });
    for (const [text, name] of [
      ['IL20', 'Il-20'],
      ['UNSC', 'United Nations Security Council'],
      ['resolution242', 'UN resolution 242'],
    ]) {
      await page.goto(`${session.base}/?q=${text}`);
      await page.locator('.result .result-name', { hasText: new RegExp(`^${name}$`) }).waitFor();
    }
    await page.goto(`${session.base}/`);
    await box.waitFor();
    await page.getByRole('button', { name: 'Treaty' }).click();
    await page.waitForURL(/\?kind=TREATY$/);
    await page.locator('.result').first().waitFor();
    const kinds = await page.locator('.result .badge').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['Treaty']));
  });

  it("sends the explorer's files, the API's answers and GraphiQL's page compressed, as asked", async () => {
    await page.goto(`${session.base}/graph/russia`);
    await page.locator('[data-testid="graph"][data-ready="true"]').waitFor();
    const sizes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.decodedBodySize > 4096)
        .map((e) => ({
          url: new URL(e.name).pathname,
          ratio: e.encodedBodySize / e.decodedBodySize,
        })),
    );
    expect(sizes.some((s) => s.url.endsWith('.js'))).toBe(true);
    expect(sizes.some((s) => s.url === '/graphql')).toBe(true);
    for (const size of sizes) expect(size.ratio, size.url).toBeLessThan(0.5);

    const script = sizes.find((s) => s.url.endsWith('.js'))?.url as string;
    for (const encoding of ['br', 'gzip']) {
      const asset = await fetch(`${session.base}${script}`, {
        headers: { 'accept-encoding': encoding },
      });
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      const graphiql = await fetch(`${session.base}/graphql`, {
        headers: { accept: 'text/html', 'accept-encoding': encoding },
      });
      expect(graphiql.headers.get('content-encoding')).toBe(encoding);
      expect(await graphiql.text()).toContain('<html');
    }
    const plain = await fetch(`${session.base}${script}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('needed nothing from outside this machine', () => {
    expect(session.browser.blocked).toEqual([]);
    expect(session.browser.pageErrors).toEqual([]);
  });
});
