import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';

/** How much wider than the screen the page is (0 when nothing overflows sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The boxes of the elements shown, to check that none runs into the next. */
async function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .map((e) => ({ text: e.textContent, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0)
      .map(({ text, box }) => ({ text, left: box.left, right: box.right })),
  );
}

describe('the explorer on a phone (390×844)', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = tests);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('keeps every view within the screen, the nav whole and usable', async () => {
    for (const path of [
      '/',
      '/entity/russia',
      '/graph/russia',
      '/timeline',
      '/relation/russia/israel',
      '/path/benjamin-netanyahu/syria',
      '/document/tass-russian-israeli-relations',
    ]) {
      await page.goto(`${session.base}${path}`);
      await page.locator('main h1, main h2').first().waitFor();
      // A view may wait on several answers at once (the relation's status and its series).
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      for (const link of await boxes(page, '.topbar nav a'))
        expect(link.right, `${path}: ${link.text}`).toBeLessThanOrEqual(390);
    }
    await page.goto(`${session.base}/entity/russia`);
    await page.getByRole('link', { name: 'GraphiQL' }).waitFor();
    await page.locator('.topbar nav').getByRole('link', { name: 'Path' }).click();
    await page.waitForURL(/\/path$/);
    await session.screenshot('phone-path');
  });

  it('writes the status band’s years apart from each other', async () => {
    await page.goto(`${session.base}/relation/russia/israel?asOf=1970`);
    await page.getByTestId('status-as-of').waitFor();
    const years = await boxes(page, '.band-axis span');
    expect(years.length).toBeGreaterThan(1);
    for (const [a, b] of years.slice(1).map((y, i) => [years[i], y] as const))
      expect(b.left - (a?.right ?? 0), `${a?.text} and ${b.text}`).toBeGreaterThanOrEqual(4);
    await session.screenshot('phone-relation');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('names the nodes of a graph', async () => {
    await page.goto(`${session.base}/entity/benjamin-netanyahu`);
    const graph = page.locator('[data-testid="graph"][data-ready="true"]');
    await graph.waitFor();
    const labels = JSON.parse((await graph.getAttribute('data-labels')) ?? '[]') as string[];
    expect(labels).toContain('Benjamin Netanyahu');
    expect(labels.length).toBeGreaterThan(3);
    await session.screenshot('phone-entity');
  });
});
