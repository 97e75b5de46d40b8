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

/** The folder, created if need be. */
export function screenshotsDir(): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return SCREENSHOTS_DIR;
}

/** Saves what `page` shows as `<name>.png` in the folder. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir(), `${name}.png`) });
}
