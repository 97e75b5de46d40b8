// Browser test of the Load panel's URL field: a page from a local news site loads and shows its title; a refused
// address says why, with the server's code.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsSite, startNewsSite } from '../support/news-site.ts';
import { type RunningExplorer, startExplorer } from './helpers/app.ts';
import { type LaunchedBrowser, launchBrowser } from './helpers/browser.ts';
import { recordOperations } from './helpers/operations.ts';
import { screenshotsDir } from './helpers/screenshots.ts';

const SETUP_TIMEOUT_MS = 300_000;
const STEP_TIMEOUT_MS = 120_000;

let site: NewsSite;
let app: RunningExplorer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  site = await startNewsSite();
  app = await startExplorer({ NEWSGRAPH_ALLOW_PRIVATE_URLS: '1', NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0' });
  browser = await launchBrowser({ width: 1440, height: 900 });
  page = browser.page;
  await page.goto(app.url);
  await page.click('[data-testid=side-load]');
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.close();
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
      await page.screenshot({ path: join(screenshotsDir(), 'loader-url.png') });
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
