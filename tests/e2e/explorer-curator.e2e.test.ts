import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/auth/keys.ts';
import { axeViolations } from '../helpers/axe.ts';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';

// The curator's journey in Chromium against the local Neo4j: sign in with a key, add a fact from
// a passage of a document (a problem shown before submitting, then fixed), see it on the entity's
// page, retract it; correct a link's date with a reason; and an editor submitting a reviewed draft.

const DOC = 'tass-russian-israeli-relations';
const QUOTE =
  'Russian top brass said a missile from Syria’s S-200 system downed the aircraft when it targeted four Israeli F-16 fighter jets, which attacked facilities in Latakia';
const DRAFT_TEXT = [
  'Israel and Russia talk',
  '',
  'Benjamin Netanyahou met Vladimir Putin in Moscow on May 2, 2022. Sergey Lavrov said the ' +
    'talks on Syria went well.',
].join('\n');

/** Selects `quote` in the document's text as a reader dragging over it would. */
async function selectPassage(page: Page, quote: string) {
  await page.evaluate((words) => {
    const box = document.querySelector('.document-text') as HTMLElement;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${words}" is not in one text node`);
  }, quote);
}

async function signIn(page: Page, key: string) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('API key').fill(key);
  await page.locator('.sign-in-form').getByRole('button', { name: 'Sign in' }).click();
}

async function pick(page: Page, id: string, name: string) {
  await page.locator(`#${id}`).fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name} `) }).click();
}

/** The latest revision `author` made: its action, reason and the state after it (JSON). */
async function lastRevisionBy(session: BrowserSession, author: string) {
  const [row] = await session.server.db.read<{ action: string; reason: string; after: string }>(
    `MATCH (r:Revision) WHERE r.authorName = $author
     WITH r ORDER BY r.number DESC LIMIT 1 RETURN r.action AS action, r.reason AS reason, r.after AS after`,
    { author },
  );
  return row;
}

describe('curator mode in the explorer (Chromium)', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = tests);
  });

  it('refuses a bad key with the server’s words, and signs a curator in with the key kept in sessionStorage only', async () => {
    await page.goto(`${session.base}/`);
    await signIn(page, 'rgk_not_a_real_key');
    await page
      .getByRole('alert')
      .getByText(/^The key was refused: .+/)
      .waitFor();
    expect(await page.getByTestId('signed-in').count()).toBe(0);

    const { key } = await createKey(session.server.db, { name: 'Ann Example', role: 'curator' });
    await page.getByLabel('API key').fill(key);
    await page.locator('.sign-in-form').getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('signed-in').textContent(), { timeout: 30_000 })
      .toContain('Ann Example');
    expect(await page.getByTestId('signed-in').textContent()).toContain('curator');
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: JSON.stringify(Object.values(sessionStorage)),
      url: location.href,
    }));
    expect(stored.local).toBe(0);
    expect(stored.session).toContain(key);
    expect(stored.url).not.toContain(key);
  });

  it('offers a passage selected while the page was still being drawn', async () => {
    await page.goto(`${session.base}/`);
    // Select the quote the moment the document's text is in the page, before the page's effects
    // run, as a quick reader (or a restored selection) does; then open the document in-app.
    await page.evaluate((quote) => {
      const observer = new MutationObserver(() => {
        const box = document.querySelector('.document-text');
        const node = box?.firstChild;
        const at = node?.textContent?.indexOf(quote) ?? -1;
        if (!node || at < 0) return;
        observer.disconnect();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, QUOTE);
    await page.evaluate((path) => {
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/document/${DOC}`);
    await page
      .getByRole('button', { name: 'Add fact from this passage' })
      .waitFor({ timeout: 15_000 });
  });

  it('adds a fact from a selected passage, shows its problem before submitting, and retracts it from the entity’s page', async () => {
    await page.goto(`${session.base}/document/${DOC}`);
    await page.getByText('Select a passage of the text').waitFor();
    await selectPassage(page, QUOTE);
    await page.getByRole('button', { name: 'Add fact from this passage' }).click();
    expect(await page.getByTestId('passage').textContent()).toBe(QUOTE);

    await page.getByLabel('Link type').selectOption('LOCATED_IN');
    await pick(page, 'fact-from', 'Latakia');
    await pick(page, 'fact-to', 'Syria');
    await page.getByLabel(/^Date/).fill('2019');
    await page.getByLabel('Reason (required)').fill('the text places Latakia in Syria');
    // The dry run's problem shows before anything is written: the quote holds no 2019.
    const checks = page.getByTestId('fact-checks');
    await checks.getByText(/no quote of its citation holds "2019"/).waitFor();
    expect(await page.getByRole('button', { name: 'Add the fact' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^Date/).fill('');
    await checks.getByText('The checks pass.').waitFor();
    await page.getByRole('button', { name: 'Add the fact' }).click();
    await page.getByText(/^Added as revision \d+/).waitFor();

    await page.getByRole('link', { name: 'Latakia' }).click();
    const toSyria = page.locator('.entity-main li', {
      has: page.locator('a[href="/entity/syria"]'),
    });
    await toSyria.waitFor();
    expect(await toSyria.textContent()).toContain(QUOTE.slice(0, 40));
    await toSyria.getByRole('button', { name: /^Retract / }).click();
    await page
      .getByLabel('Reason for retracting')
      .fill('Latakia is a city; kept as a place elsewhere');
    await page.getByRole('button', { name: 'Retract', exact: true }).click();
    // The form closes once the write is made; a refusal stays on it, and says why.
    const form = page.getByRole('form', { name: /^Retract / });
    await expect
      .poll(
        async () =>
          (await form.count()) === 0 ? 'closed' : (await form.textContent())?.replace(/\s+/g, ' '),
        { timeout: 60_000 },
      )
      .toBe('closed');
    await expect.poll(() => toSyria.count(), { timeout: 60_000 }).toBe(0);
    const log = await session.server.db.read<{ actions: string[] }>(
      `MATCH (r:Revision) WHERE r.authorName = 'Ann Example' WITH r ORDER BY r.number RETURN collect(r.action) AS actions`,
    );
    expect(log[0]?.actions).toEqual(['addLink', 'retractLink']);
  });

  it('corrects a link’s date through a form prefilled from the document’s entry: a problem shown for a date its quote does not hold, then the page and the history show the correction', async () => {
    await page.goto(`${session.base}/entity/donald-trump`);
    const office = page.locator('.entity-main li', {
      has: page.locator('a[href="/entity/united-states"]'),
    });
    await office.waitFor();
    expect(await office.locator('time').getAttribute('datetime')).toMatch(/^2017-12/);
    await office.getByRole('button', { name: /^Correct / }).click();
    const form = page.getByRole('form', { name: /^Correct / });
    // Prefilled from the document's own entry.
    await expect
      .poll(() => form.getByLabel(/^Date/).inputValue(), { timeout: 30_000 })
      .toBe('2017-12');
    expect(await form.getByLabel('Link type').inputValue()).toBe('HELD_OFFICE');
    expect(await form.getByLabel('Role').inputValue()).toBe('US President');
    await form.getByLabel(/^Date/).fill('2018');
    const reason = 'the quote dates the announcement, not the office';
    await form.getByLabel('Reason for correcting (required)').fill(reason);
    const checks = form.getByTestId('correct-checks');
    await checks.getByText(/no quote of its citation holds "2018"/).waitFor();
    expect(await form.getByRole('button', { name: 'Correct', exact: true }).isDisabled()).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel(/^Date/).fill('2017');
    await checks.getByText('The checks pass.').waitFor();
    await form.getByRole('button', { name: 'Correct', exact: true }).click();
    await expect.poll(() => form.count(), { timeout: 60_000 }).toBe(0);
    await expect
      .poll(() => office.locator('time').getAttribute('datetime'), { timeout: 60_000 })
      .toBe('2017-01-01');
    expect(await office.locator('.precision').textContent()).toBe('year');

    await page.reload();
    const history = page.getByTestId('history');
    const row = history.locator('li.revision', { hasText: reason });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.revision-action').textContent()).toBe('correct link');
    const log = await lastRevisionBy(session, 'Ann Example');
    expect(log).toMatchObject({ action: 'correctLink', reason });
    expect(JSON.parse(log?.after ?? '{}')).toEqual({
      type: 'HELD_OFFICE',
      from: 'donald-trump',
      to: 'united-states',
      role: 'US President',
      date: '2017',
      cite: 'US President Donald Trump announced in December 2017',
    });
  });

  it('corrects an entity’s name through its own form, its date checked against the quote, and the page shows the new name', async () => {
    await page.goto(`${session.base}/entity/russia-israel-air-traffic-agreement`);
    await page
      .getByRole('heading', { name: /^Russian-Israeli agreement on air traffic/ })
      .waitFor();
    await page
      .getByRole('button', {
        name: 'Correct Russian-Israeli agreement on air traffic',
        exact: true,
      })
      .click();
    const form = page.getByRole('form', { name: /^Correct / });
    await expect
      .poll(() => form.getByLabel(/^Signed/).inputValue(), { timeout: 30_000 })
      .toBe('1993');
    expect(await form.getByLabel('Name').inputValue()).toBe(
      'Russian-Israeli agreement on air traffic',
    );
    const reason = 'the usual English name of the agreement';
    await form.getByLabel('Reason for correcting (required)').fill(reason);
    await form.getByLabel(/^Signed/).fill('1995');
    const checks = form.getByTestId('correct-checks');
    await checks.getByText(/no quote of its citation holds "1995"/).waitFor();
    expect(await form.getByRole('button', { name: 'Correct', exact: true }).isDisabled()).toBe(
      true,
    );
    await form.getByLabel(/^Signed/).fill('1993');
    await form.getByLabel('Name').fill('Russia–Israel air traffic agreement');
    await checks.getByText('The checks pass.').waitFor();
    await form.getByRole('button', { name: 'Correct', exact: true }).click();
    await page
      .getByRole('heading', { name: /^Russia–Israel air traffic agreement/ })
      .waitFor({ timeout: 60_000 });
    const log = await lastRevisionBy(session, 'Ann Example');
    expect(log).toMatchObject({ action: 'correctEntity', reason });
    expect(JSON.parse(log?.after ?? '{}')).toMatchObject({
      id: 'russia-israel-air-traffic-agreement',
      kind: 'Treaty',
      name: 'Russia–Israel air traffic agreement',
      signed: '1993',
      cite: 'have already signed agreements on air traffic (1993)',
    });
  });

  it('lets an editor submit a reviewed draft through the write API; a curator may not', async () => {
    await page.goto(`${session.base}/draft`);
    await page.getByLabel("The document's text").fill(DRAFT_TEXT);
    await page.getByRole('button', { name: 'Propose' }).click();
    const netanyahu = page.locator('.proposal', {
      has: page.locator('.proposal-head', { hasText: 'benjamin-netanyahu (Person)' }),
    });
    await netanyahu.getByRole('button', { name: /^Benjamin Netanyahu \(Person/ }).click();
    const accepts = page.getByRole('button', { name: /^Accept / });
    while ((await accepts.count()) > 0) await accepts.first().click();
    await page.getByTestId('draft-checks').getByText('The checks pass.').waitFor();
    // A curator sees why the editor's action is not theirs.
    await page.getByText('Adding a document needs the editor role; you are a curator.').waitFor();
    expect(await page.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    const { key } = await createKey(session.server.db, { name: 'Ben Editor', role: 'editor' });
    await signIn(page, key);
    await expect
      .poll(() => page.getByTestId('signed-in').textContent(), { timeout: 30_000 })
      .toContain('editor');
    await page.getByLabel('Reason for adding it').fill('a news item on the talks');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByTestId('draft-submitted').waitFor({ timeout: 180_000 });
    await page.getByRole('link', { name: 'open the new document' }).click();
    await page.getByRole('heading', { name: 'Israel and Russia talk' }).waitFor();
    const [row] = await session.server.db.read<{ actions: string[] }>(
      `MATCH (r:Revision) WHERE r.authorName = 'Ben Editor' WITH r ORDER BY r.number RETURN collect(r.action) AS actions`,
    );
    expect(row?.actions[0]).toBe('addDocument');
    expect(row?.actions).toContain('addEntity');
    expect(row?.actions).toContain('addLink');
  });
});
