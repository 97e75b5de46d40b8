// Browser test of the Load panel's URL field: a page from a local news site loads and shows its title; a refused
// address says why, with the server's code.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsSite, startNewsSite } from '../support/news-site.ts';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { recordOperations } from './helpers/operations.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

let site: NewsSite;
let explorer: OpenedExplorer;
let page: Page;

beforeAll(async () => {
  site = await startNewsSite();
  explorer = await openExplorer({
    env: { NEWSGRAPH_ALLOW_PRIVATE_URLS: '1', NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0' },
    ready: 'load-panel',
  });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await explorer?.close();
  await site?.close();
});

describe('the Load panel URL field', () => {
  it(
    'loads the article at a URL and shows what it added',
    async () => {
      const url = `${site.url}/nyheder/nordlys-koeber-fjordvagt`;
      const operations = await recordOperations(page, async () => {
        await page.fill('[data-testid=loader-page-url]', url);
        await page.click('[data-testid=loader-page-url-submit]');
        await page.locator('[data-testid=loader-item][data-status=done]').waitFor({ timeout: 60_000 });
      });
      expect(operations.map((o) => o.name)).toContain('IngestUrl');
      const item = await page.innerText('[data-testid=loader-item]');
      expect(item).toMatch(/^loaded/i);
      expect(item).toMatch(/Nordlys Data køber sikkerhedsfirmaet Fjordvagt/);
      expect(await page.innerText('[data-testid=loader-summary]')).toMatch(/What changed/);
      expect(await page.inputValue('[data-testid=loader-page-url]')).toBe('');
      await saveScreenshot(page, 'loader-url');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'says why a URL was refused and keeps it in the field',
    async () => {
      const url = `${site.url}/mangler`;
      await page.fill('[data-testid=loader-page-url]', url);
      await page.click('[data-testid=loader-page-url-submit]');
      const item = page.locator('[data-testid=loader-item][data-status=error]');
      await item.waitFor({ timeout: 60_000 });
      expect(await item.innerText()).toMatch(/HTTP 404.*HTTP_ERROR/s);
      expect(await page.inputValue('[data-testid=loader-page-url]')).toBe(url);

      await page.fill('[data-testid=loader-page-url]', `${site.url}/rapport.pdf`);
      await page.click('[data-testid=loader-page-url-submit]');
      const pdf = page.locator('[data-testid=loader-item][data-status=error]', { hasText: 'NOT_AN_ARTICLE' });
      await pdf.waitFor({ timeout: 60_000 });
      expect(await pdf.innerText()).toMatch(/not an article's web page/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'refuses what is no web address before asking the server',
    async () => {
      const operations = await recordOperations(page, async () => {
        await page.fill('[data-testid=loader-page-url]', 'file:///etc/passwd');
        await page.click('[data-testid=loader-page-url-submit]');
        await page.locator('[data-testid=loader-page-url-form] [role=alert]').waitFor();
      });
      expect(await page.innerText('[data-testid=loader-page-url-form] [role=alert]')).toMatch(/Only http and https/);
      expect(operations.filter((o) => o.name === 'IngestUrl')).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );
});
