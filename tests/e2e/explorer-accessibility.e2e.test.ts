import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { type BrowserSession, browserSessionForTests } from '../helpers/browser-server.ts';

/** Every view, at an address that shows it with data, and what to wait for before checking it. */
const VIEWS: [name: string, path: string, ready: string][] = [
  ['search', '/', '.welcome .entity-link'],
  ['search results', '/?q=Netanyahu', '.result'],
  ['entity', '/entity/russia', '[data-testid="graph"][data-ready="true"]'],
  ['graph', '/graph/russia?depth=2', '[data-testid="graph"][data-ready="true"]'],
  ['timeline', '/timeline', '.chart .bar'],
  ['relation', '/relation/russia/israel?asOf=1970', '[data-testid="status-as-of"]'],
  ['path', '/path/benjamin-netanyahu/syria', '[data-testid="graph"][data-ready="true"]'],
  ['document', '/document/tass-russian-israeli-relations', '.document-text'],
  ['draft', '/draft', '.draft-input'],
  ['changes', '/changes', '[data-testid="changes"] .revision'],
  ['not found', '/nowhere', 'h1'],
  ['address mistake', '/relation/russia/russia', '[role="alert"]'],
];

describe('accessibility of every view (axe-core in Chromium)', () => {
  const tests = browserSessionForTests();
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = tests);
  });

  for (const [name, path, ready] of VIEWS) {
    it(`finds no violation on the ${name} view`, async () => {
      await page.goto(`${session.base}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
