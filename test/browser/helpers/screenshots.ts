// Where the browser tests save their screenshots: test-results/ (ignored by git) unless `npm run screenshots` asks for docs/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './build.ts';

/**
 * NEWSGRAPH_SCREENSHOTS_DIR (relative to the repository) moves them; `npm run screenshots` sets it to docs/screenshots
 * to refresh the README's pictures on purpose, so that `npm test` leaves the tracked ones alone.
 */
export const SCREENSHOTS_DIR = resolve(REPO_ROOT, process.env.NEWSGRAPH_SCREENSHOTS_DIR || 'test-results/screenshots');

/**
 * NEWSGRAPH_SCREENSHOTS_LANG ('da' or 'en') is the UI language the pictures show, whatever language the test reads
 * (most read English); `npm run screenshots` sets 'da', the default UI. Unset: the page as the test left it.
 */
export const SCREENSHOTS_LANG = process.env.NEWSGRAPH_SCREENSHOTS_LANG || null;

/** The folder, created if need be. */
export function screenshotsDir(): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return SCREENSHOTS_DIR;
}

/**
 * Saves what `page` shows as `<name>.png` in the folder, in SCREENSHOTS_LANG when that is set: the UI is switched for
 * the picture and switched back after, with the remembered choice restored, so the test goes on as before.
 * `asShown` keeps the page's own language (a picture of the language switch itself).
 */
export async function saveScreenshot(page: Page, name: string, opts: { asShown?: boolean } = {}): Promise<void> {
  const path = join(screenshotsDir(), `${name}.png`);
  const before = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    stored: localStorage.getItem('newsgraph.lang'),
  }));
  if (!SCREENSHOTS_LANG || opts.asShown || before.lang === SCREENSHOTS_LANG) {
    await page.screenshot({ path });
    return;
  }
  await switchLang(page, SCREENSHOTS_LANG);
  try {
    await page.screenshot({ path });
  } finally {
    await switchLang(page, before.lang);
    await page.evaluate((stored) => {
      if (stored === null) localStorage.removeItem('newsgraph.lang');
      else localStorage.setItem('newsgraph.lang', stored);
    }, before.stored);
  }
}

/** Switches the UI language through the top bar's switch without focusing it (an open list or a tip stays open). */
async function switchLang(page: Page, lang: string): Promise<void> {
  await page.evaluate((l) => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid=lang-switch]');
    if (!select) throw new Error('the page has no language switch to show the screenshot language');
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, l);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // Two frames: React renders the words, then the canvas repaints its captions.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
