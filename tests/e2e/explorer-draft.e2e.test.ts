import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSourceText } from '../../src/knowledge/validate-source-yaml.ts';
import { axeViolations } from '../helpers/axe.ts';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';

/** A news item naming the seed's entities, one of them misspelt, so that it is flagged. */
const TEXT = [
  'Israel and Russia talk',
  '',
  'Benjamin Netanyahou met Vladimir Putin in Moscow on May 2, 2022. Sergey Lavrov said the ' +
    'talks on Syria went well.',
].join('\n');

describe('drafting a source file in the explorer (Chromium)', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = tests);
  });

  const checks = () => page.getByTestId('draft-checks');
  const proposal = (head: string) =>
    page.locator('.proposal', { has: page.locator('.proposal-head', { hasText: head }) });

  it('pastes a text, reviews the proposals, fixes a problem live and downloads a file that passes the checks', async () => {
    await page.goto(`${session.base}/draft`);
    await page.getByLabel("The document's text").fill(TEXT);
    await page.getByRole('button', { name: 'Propose' }).click();

    // Each proposal's quote is marked in the text; the selected one is current.
    const netanyahu = proposal('benjamin-netanyahu (Person)');
    await netanyahu.waitFor();
    expect(await page.locator('[data-testid="draft-text"] mark').count()).toBeGreaterThan(0);
    // The review itself, not only the empty form the accessibility test sees by its address.
    expect(await axeViolations(page)).toEqual([]);
    await netanyahu.locator('.proposal-head').click();
    await expect
      .poll(() => page.locator('[data-testid="draft-text"] mark.current').textContent())
      .toContain('Benjamin Netanyahou met Vladimir Putin in Moscow on May 2, 2022.');

    // The misspelt name is flagged with its candidates; choosing one settles it.
    await netanyahu.getByText('Which entity does “Benjamin Netanyahou” name?').waitFor();
    await netanyahu.getByRole('button', { name: /^Benjamin Netanyahu \(Person/ }).click();
    await expect.poll(() => netanyahu.getAttribute('data-review')).toBe('accepted');
    expect(await netanyahu.locator('.decide').count()).toBe(0);

    // The rest accepted as proposed (the document's and the event's `decide:` settled).
    const accepts = page.getByRole('button', { name: /^Accept / });
    while ((await accepts.count()) > 0) await accepts.first().click();
    await checks().getByText('The checks pass.').waitFor();

    // A wrong date is a problem as soon as it is typed, and gone once corrected.
    const date = proposal('(Event)').getByLabel(/^date of /);
    await date.fill('2022-13-02');
    await checks()
      .getByText(/has no month 13/)
      .waitFor();
    await proposal('(Event)')
      .getByText(/has no month 13/)
      .waitFor();
    await date.fill('2022-05-02');
    await checks().getByText('The checks pass.').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the source file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('israel-and-russia-talk.yaml');
    const yaml = await readFile(await download.path(), 'utf8');
    const file = parse(yaml) as { entities: { id: string }[] };
    expect(file.entities.map((e) => e.id)).toContain('benjamin-netanyahu');
    expect(yaml).not.toContain('decide');
    expect(await checkSourceText(yaml, TEXT)).toEqual([]);
    // The text goes with it, under the name its `source:` gives.
    const [textDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the text' }).click(),
    ]);
    expect(textDownload.suggestedFilename()).toBe(
      (parse(yaml) as { document: { source: string } }).document.source,
    );
    expect(await readFile(await textDownload.path(), 'utf8')).toBe(TEXT);
  });

  it('uploads a text file instead of pasting it', async () => {
    await page.goto(`${session.base}/draft`);
    await page.getByLabel('Or a text file').setInputFiles({
      name: 'item.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(TEXT),
    });
    await expect.poll(() => page.getByLabel("The document's text").inputValue()).toBe(TEXT);
  });
});
