import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinceNavigation } from '../helpers/browser.ts';
import { type BrowserSession, startBrowserSession } from '../helpers/browser-server.ts';

/** The documents' texts with runs of white space as one space, to check quotes against. */
async function sourceTexts(): Promise<string[]> {
  const dir = 'data/sources';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
  return Promise.all(
    files.map(async (f) => (await readFile(join(dir, f), 'utf8')).replace(/\s+/g, ' ')),
  );
}

/** Where each node of the drawn graph is on screen (the canvas publishes them once laid out). */
async function graphPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  const graph = page.locator('[data-testid="graph"][data-ready="true"]');
  await graph.waitFor();
  return JSON.parse((await graph.getAttribute('data-positions')) ?? '{}');
}

/** Waits until the drawn graph has more than, or exactly, `count` entities. */
async function waitForGraphSize(page: Page, how: 'more than' | 'exactly', count: number) {
  await page.waitForFunction(
    ([how, count]) => {
      const graph = document.querySelector('[data-testid="graph"][data-ready="true"]');
      const size = Object.keys(JSON.parse(graph?.getAttribute('data-positions') ?? '{}')).length;
      return how === 'exactly' ? size === count : size > Number(count);
    },
    [how, count] as const,
  );
}

describe('the explorer in Chromium with nothing but loopback reachable', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.browser.page;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens on the search view with where to start, and says how long the first view took', async () => {
    // Navigation start to the search page drawn with its data (countries and sources): on the
    // server's first request; then with the browser's cache emptied (a visitor's first view); then
    // reloaded with assets cached. Printed, not asserted: the machine running tests may be busy.
    const firstView = async (load: () => Promise<unknown>) => {
      await load();
      await page.getByRole('heading', { name: /^Countries/ }).waitFor();
      return sinceNavigation(page);
    };
    const serverCold = await firstView(() => page.goto(`${session.base}/`));
    const cdp = await page.context().newCDPSession(page);
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('Network.clearBrowserCache');
      cold.push(await firstView(() => page.reload()));
    }
    await cdp.detach();
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await firstView(() => page.reload()));
    const median = (ms: number[]) => [...ms].sort((x, y) => x - y)[Math.floor(ms.length / 2)];
    console.log(
      `explorer: first view (search page with its countries and sources): ${serverCold} ms on the server's first request; empty browser cache: median ${median(cold)} ms (${cold.join(', ')}); assets cached: median ${median(warm)} ms (${warm.join(', ')})`,
    );
    await page.locator('.welcome .entity-link', { hasText: /^Russia$/ }).waitFor();
    await page.getByRole('link', { name: 'Summary of Russian-Israeli relations' }).waitFor();
  });

  it('finds an entity as you type a misspelt name, and opens it with the keyboard', async () => {
    const box = page.getByRole('searchbox', { name: 'Search the graph' });
    await box.pressSequentially('Netanyhu', { delay: 40 });
    await page.locator('.result', { hasText: 'Benjamin Netanyahu' }).first().waitFor();
    await page.waitForURL(/\?q=Netanyhu$/);
    await session.screenshot('search');
    await box.press('Enter');
    await page.waitForURL(/\/entity\/benjamin-netanyahu$/);
    await page.getByRole('heading', { level: 1, name: /Benjamin Netanyahu/ }).waitFor();
  });

  it('shows verbatim quotes, and a quote opens its document with the sentence highlighted', async () => {
    const quoteLink = page.locator('.citations .quote').first();
    const shown = ((await quoteLink.textContent()) ?? '').replace(/^“|”$/g, '');
    expect(shown.length).toBeGreaterThan(10);
    const texts = await sourceTexts();
    expect(texts.some((text) => text.includes(shown.replace(/\s+/g, ' ')))).toBe(true);

    await quoteLink.click();
    // The document by its slug, the quote at the position the API gives for it.
    await page.waitForURL(/\/document\/[a-z0-9-]+\?quote=[^&]+&at=\d+$/);
    const mark = page.locator('mark.quote-mark');
    expect(await mark.textContent()).toBe(shown);
    expect(await mark.evaluate((m) => m.closest('mark.sentence') !== null)).toBe(true);
    await session.screenshot('document');

    await page.goBack();
    await page.waitForURL(/\/entity\/benjamin-netanyahu$/);
    await page.getByRole('heading', { level: 1, name: /Benjamin Netanyahu/ }).waitFor();
  });

  it('draws the neighbourhood, and a neighbour clicked in the graph opens its page', async () => {
    const positions = await graphPositions(page);
    const neighbours = Object.keys(positions).filter((slug) => slug !== 'benjamin-netanyahu');
    expect(neighbours.length).toBeGreaterThan(0);
    await session.screenshot('entity');
    const target = neighbours[0] as string;
    const graph = page.locator('[data-testid="graph"]');
    await graph.scrollIntoViewIfNeeded();
    const box = await graph.boundingBox();
    const at = positions[target] as { x: number; y: number };
    if (!box) throw new Error('the graph is not on screen');
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL(new RegExp(`/entity/${target}$`));
    await page.locator('.entity-head h1').waitFor();
    // Its own page draws its own neighbourhood, centred on it.
    expect(Object.keys(await graphPositions(page))).toContain(target);
  });

  it('grows the graph view deeper, the depth in the URL, and back shrinks it again', async () => {
    await page.goto(`${session.base}/graph/russia`);
    const depthOne = Object.keys(await graphPositions(page)).length;
    await page.getByRole('button', { name: '+ Grow' }).click();
    await page.waitForURL(/\/graph\/russia\?depth=2$/);
    await page.locator('[data-testid="graph"][data-ready="true"]').waitFor();
    await page.getByText(/^Depth 2/).waitFor();
    // The deeper graph replaces the first once its answer is in: it has more entities.
    await waitForGraphSize(page, 'more than', depthOne);
    await session.screenshot('graph');
    await page.goBack();
    await page.waitForURL(/\/graph\/russia$/);
    await waitForGraphSize(page, 'exactly', depthOne);
  });

  it('draws the timeline as spans, and filters it by the entity involved', async () => {
    await page.goto(`${session.base}/timeline`);
    await page.locator('.chart .bar').first().waitFor();
    const all = await page.locator('.chart .bar').count();
    expect(all).toBeGreaterThan(5);
    await session.screenshot('timeline');
    await page.goto(`${session.base}/timeline?involving=benjamin-netanyahu`);
    await page.locator('.filter-row button', { hasText: 'Benjamin Netanyahu' }).waitFor();
    await page.waitForFunction((before) => {
      const bars = document.querySelectorAll('.chart .bar').length;
      return bars > 0 && bars < before;
    }, all);
  });

  it('chooses two countries for a relation with the keyboard', async () => {
    await page.goto(`${session.base}/relation`);
    await page.getByText('Choose two countries').waitFor();
    const first = page.getByRole('combobox', { name: 'Country' });
    await first.pressSequentially('Rusia', { delay: 40 });
    await page
      .getByRole('option', { name: /Russia/ })
      .first()
      .waitFor();
    await first.press('Enter');
    await page.waitForURL(/\/relation\/russia$/);
    const second = page.getByRole('combobox', { name: 'and' });
    await second.pressSequentially('Israel', { delay: 40 });
    await page
      .getByRole('option', { name: /Israel/ })
      .first()
      .waitFor();
    await second.press('Enter');
    await page.waitForURL(/\/relation\/russia\/israel$/);
    await page.getByTestId('status-as-of').waitFor();
  });

  it('shows the relation SEVERED as of 1970-01-01 with its quote, and follows the date picker', async () => {
    await page.goto(`${session.base}/relation/russia/israel?asOf=1970-01-01`);
    const status = page.getByTestId('status-as-of');
    await status.locator('.status', { hasText: 'SEVERED' }).waitFor();
    await status.getByText('the Soviet Union once again severed relations with Israel').waitFor();
    expect(await page.locator('.band .segment').count()).toBeGreaterThan(2);
    await page.locator('.list h3', { hasText: 'Agreements' }).waitFor();
    await session.screenshot('relation');

    await page.locator('input[type="date"]').fill('1995-01-01');
    await page.waitForURL(/asOf=1995-01-01/);
    await status.locator('.status', { hasText: 'FULL' }).waitFor();
    await page.goBack();
    await page.waitForURL(/asOf=1970-01-01/);
    await status.locator('.status', { hasText: 'SEVERED' }).waitFor();
  });

  it('plots the cooperation–conflict series and lists a period’s coded events on a click', async () => {
    await page.goto(`${session.base}/relation/russia/israel`);
    const series = page.getByTestId('series');
    await series.locator('.series-point').first().waitFor();
    expect(await series.locator('.series-point').count()).toBeGreaterThan(10);
    await series.getByRole('button', { name: '1953-02: list its events' }).click();
    await series.locator('.series-events').getByText('CAMEO 161').waitFor();
  });

  it('marks a claim beside the fact, with whose claim it is', async () => {
    await page.goto(`${session.base}/entity/israeli-f-16-jets-latakia-2018`);
    const claim = page.getByTestId('claim').first();
    await claim.getByText('according to').waitFor();
    await claim
      .getByRole('link', { name: 'Russian top brass account of the Il-20 downing' })
      .waitFor();
  });

  it('draws the shortest path between two entities, each link with its quote', async () => {
    await page.goto(`${session.base}/path/benjamin-netanyahu/syria`);
    const positions = await graphPositions(page);
    expect(Object.keys(positions)).toEqual(expect.arrayContaining(['benjamin-netanyahu', 'syria']));
    const steps = page.locator('.path-steps > li');
    expect(await steps.count()).toBe(Object.keys(positions).length - 1);
    await steps.first().locator('.citations .quote').first().waitFor();
    await session.screenshot('path');
  });

  it('says so when a page has nothing to show, never a blank page', async () => {
    await page.goto(`${session.base}/entity/no-such-entity`);
    await page.getByRole('heading', { name: 'No entity “no-such-entity”' }).waitFor();
    await page.goto(`${session.base}/nowhere/at/all`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto(`${session.base}/?q=qqqqzzzz`);
    await page.getByText('Nothing matches “qqqqzzzz”').waitFor();
  });

  it('says so when the API cannot be reached, and tries again on request', async () => {
    const api = `${session.base}/graphql`;
    await page.route(api, (route) => route.abort('connectionrefused'));
    await page.goto(`${session.base}/entity/russia`);
    await page.getByRole('alert').getByText('The API could not be reached').waitFor();
    await page.unroute(api);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: /Russia/ }).waitFor();
  });

  it('needed nothing from outside this machine', () => {
    expect(session.browser.blocked).toEqual([]);
    expect(session.browser.pageErrors).toEqual([]);
    expect(session.browser.refusedByPolicy).toEqual([]);
  });
});
