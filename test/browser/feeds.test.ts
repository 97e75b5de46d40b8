// Browser test of the Load panel's Feeds section and the "new articles" notice: a feed is added and polled by the
// server, the open explorer is told of the articles it loaded and draws them highlighted; the feed is removed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_PATHS, feedEntry, KATTEGAT, type NewsSite, startNewsSite, VESTKYST } from '../support/news-site.ts';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { allNodes } from './helpers/canvas.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

let site: NewsSite;
let explorer: OpenedExplorer;
let page: Page;

beforeAll(async () => {
  site = await startNewsSite();
  explorer = await openExplorer({
    env: { NEWSGRAPH_ALLOW_PRIVATE_URLS: '1', NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0', NEWSGRAPH_FEED_INTERVAL: '1s' },
    ready: 'load-panel',
  });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await explorer?.close();
  await site?.close();
});

describe('the Feeds section and the new-articles notice', () => {
  const live = () => `${site.url}${FEED_PATHS.live}`;

  it(
    'adds a feed; its first poll shows in the list and the explorer offers the new article',
    async () => {
      await page.fill('[data-testid=feed-url]', live());
      await page.click('[data-testid=feed-add]');
      const item = page.locator(`[data-testid=feed-item][data-url="${live()}"]`);
      await item.waitFor({ timeout: 30_000 });
      expect(await page.inputValue('[data-testid=feed-url]')).toBe('');
      // The list follows the server's polls (feeds-changed events), without a reload.
      await item.locator('[data-testid=feed-status]', { hasText: '1 loaded in all' }).waitFor({ timeout: 60_000 });
      expect(await item.innerText()).toMatch(/Tekniknyt – Seneste nyt/);
      expect(await item.innerText()).toMatch(/1 new article\b/);

      const notice = page.locator('[data-testid=new-articles]');
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.innerText()).toMatch(/^1 new article —\s*show what changed/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'a feed item the server loads later is announced; "show what changed" draws it highlighted',
    async () => {
      await page.click('[data-testid=new-articles] button[aria-label=Dismiss]');
      await page.locator('[data-testid=new-articles]').waitFor({ state: 'detached' });
      const before = new Set((await allNodes(page)).map((n) => n.id));

      site.liveFeed.push(feedEntry(site.url, VESTKYST));
      try {
        const notice = page.locator('[data-testid=new-articles]');
        await notice.waitFor({ timeout: 60_000 });
        expect(await notice.innerText()).toMatch(/^1 new article/);
        await page.click('[data-testid=new-articles-show]');
        await notice.waitFor({ state: 'detached' });
        await expect
          .poll(async () => (await allNodes(page)).filter((n) => !before.has(n.id) && n.classes.includes('created')), {
            timeout: 60_000,
          })
          .not.toHaveLength(0);
        await saveScreenshot(page, 'feeds-new-articles');
      } finally {
        site.liveFeed.pop();
      }
      const item = page.locator(`[data-testid=feed-item][data-url="${live()}"]`);
      await item.locator('[data-testid=feed-status]', { hasText: '2 loaded in all' }).waitFor({ timeout: 60_000 });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'says why a feed failed, and removes feeds',
    async () => {
      const notAFeed = `${site.url}${FEED_PATHS.notAFeed}`;
      await page.fill('[data-testid=feed-url]', notAFeed);
      await page.click('[data-testid=feed-add]');
      const bad = page.locator(`[data-testid=feed-item][data-url="${notAFeed}"]`);
      await bad.locator('[data-testid=feed-error]').waitFor({ timeout: 60_000 });
      expect(await bad.locator('[data-testid=feed-error]').innerText()).toMatch(/not an RSS or Atom feed/);

      for (const url of [notAFeed, live()]) {
        await page.click(`[data-testid=feed-item][data-url="${url}"] [data-testid=feed-remove]`);
        await page.locator(`[data-testid=feed-item][data-url="${url}"]`).waitFor({ state: 'detached' });
      }
      expect(await page.locator('[data-testid=feed-item]').count()).toBe(0);
      const { feeds } = await explorer.gql<{ feeds: unknown[] }>('{ feeds { url } }');
      expect(feeds).toEqual([]);
      // The first item's article stays loaded.
      const session = explorer.driver.session();
      try {
        const found = await session.run('MATCH (a:Article {title: $title}) RETURN count(a) AS n', {
          title: KATTEGAT.title,
        });
        expect(Number(found.records[0].get('n'))).toBe(1);
      } finally {
        await session.close();
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'refuses what is no web address before asking the server',
    async () => {
      await page.fill('[data-testid=feed-url]', 'ftp://tekniknyt.example/rss');
      await page.click('[data-testid=feed-add]');
      expect(await page.innerText('[data-testid=feeds-error]')).toMatch(/Only http and https/);
    },
    STEP_TIMEOUT_MS,
  );
});
