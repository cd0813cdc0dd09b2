import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES } from '../../src/graphiql-examples.ts';
import { type BrowserSession, startBrowserSession } from '../helpers/browser-server.ts';

describe('GraphiQL in Chromium with nothing but loopback reachable', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('loads with its title, runs the default query, shows the result and the docs', async () => {
    const { page } = session.browser;
    await page.goto(`${session.base}/graphql`);
    expect(await page.title()).toBe('Relations graph');
    await page.locator('.graphiql-container').first().waitFor();

    const response = page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') &&
        r.request().method() === 'POST' &&
        (r.request().postData() ?? '').includes('bilateralRelation'),
    );
    await page.locator('.graphiql-execute-button').click();
    const body = await (await response).json();
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.bilateralRelation.status.status).toBe('SEVERED');
    // The result pane shows the answer.
    await page.locator('.graphiql-response', { hasText: 'benjamin-netanyahu' }).waitFor();

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query' }).first().click();
    // Field descriptions come from the schema: the docs panel is the API manual.
    await docs
      .getByText('Entities whose name, aliases (curator-added ones too), description or curators')
      .waitFor();
    await session.screenshot('graphiql');
  });

  it("offers the README's examples as tabs, each ready to run", async () => {
    const { page } = session.browser;
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    expect(await tabs.count()).toBe(GRAPHIQL_EXAMPLES.length + 1);
    // The tabs can be dragged to reorder: a plain click event selects one.
    await tabs.nth(1).locator('.graphiql-tab-button').dispatchEvent('click');
    await page.waitForFunction(
      () => document.querySelectorAll('.graphiql-tab')[1]?.getAttribute('aria-selected') === 'true',
    );
    const response = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST',
    );
    await page.locator('.graphiql-execute-button').click();
    const answered = await response;
    expect(answered.request().postData()).toContain('Netanyhu');
    const body = await answered.json();
    expect(body.data.search.nodes[0].slug).toBe('benjamin-netanyahu');
  });

  it('needed nothing from outside this machine', () => {
    expect(session.browser.blocked).toEqual([]);
    expect(session.browser.pageErrors).toEqual([]);
    expect(session.browser.refusedByPolicy).toEqual([]);
  });
});
