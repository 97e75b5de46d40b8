// Browser tests at 1024×700 in Danish (the longer words): the side columns collapse so the canvas keeps its room,
// and nothing overlaps.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { waitForStableLayout } from './helpers/canvas.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

let explorer: OpenedExplorer;
let page: Page;

async function boxes(selectors: Record<string, string>): Promise<Box[]> {
  const out: Box[] = [];
  for (const [name, selector] of Object.entries(selectors)) {
    const box = await page.locator(selector).first().boundingBox();
    expect(box, `${name} (${selector}) is visible`).not.toBeNull();
    out.push({ name, ...box! });
  }
  return out;
}

/** Pairs of boxes that overlap by more than a pixel each way. */
function overlapping(list: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i], list[j]];
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.push(`${a.name} × ${b.name}`);
    }
  }
  return out;
}

/** Boxes not wholly inside `outer` (1 px tolerance). */
function outside(outer: Box, inner: Box[]): string[] {
  return inner
    .filter(
      (b) =>
        b.x < outer.x - 1 ||
        b.y < outer.y - 1 ||
        b.x + b.width > outer.x + outer.width + 1 ||
        b.y + b.height > outer.y + outer.height + 1,
    )
    .map((b) => b.name);
}

const FRAME = {
  topbar: '.topbar',
  toolbar: '[data-testid=toolbar]',
  canvas: '[data-testid=canvas]',
  timeline: '[data-testid=timeline]',
  right: '.sidebar.right',
};
const CENTER_PARTS = {
  status: '[data-testid=canvas-status]',
  from: '[data-testid=timeline-from]',
  to: '[data-testid=timeline-to]',
  clear: '[data-testid=timeline-clear]',
  svg: '[data-testid=timeline-svg]',
};

beforeAll(async () => {
  let shown = 0;
  explorer = await openExplorer({
    width: 1024,
    height: 700,
    locale: 'da-DK',
    prepare: async (app) => {
      const { search } = await app.gql<{ search: { id: string }[] }>(
        '{ search(query: "Huawei", types: ["Company", "Government"], limit: 3) { id } }',
      );
      shown = search.length;
      return `/#n=${search.map((h) => encodeURIComponent(h.id)).join(',')}&sel=${search[0].id}`;
    },
    ready: async (page) => {
      await page.waitForFunction((n) => window.__newsgraph?.cy.nodes().length === n, shown, { timeout: 30_000 });
      await page.waitForSelector('[data-testid=timeline-svg]', { timeout: 30_000 });
      await waitForStableLayout(page);
    },
  });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('at 1024×700', () => {
  it(
    'starts with the left column collapsed, the canvas wide, and nothing overlapping',
    async () => {
      expect(await page.locator('.sidebar.left').isVisible()).toBe(false);
      const frame = await boxes(FRAME);
      expect(overlapping(frame)).toEqual([]);
      const canvas = frame.find((b) => b.name === 'canvas')!;
      expect(canvas.width).toBeGreaterThanOrEqual(600);
      const center = (await boxes({ center: 'section.center' }))[0];
      expect(outside(center, await boxes(CENTER_PARTS))).toEqual([]);
      await saveScreenshot(page, 'small-screen');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'opens the left column beside the canvas, and folds the right one to a rail',
    async () => {
      await page.click('[data-testid=toggle-left]');
      await page.locator('.sidebar.left').waitFor();
      const open = await boxes({ ...FRAME, left: '.sidebar.left' });
      expect(overlapping(open)).toEqual([]);
      expect(open.find((b) => b.name === 'canvas')!.width).toBeGreaterThanOrEqual(400);
      const center = (await boxes({ center: 'section.center' }))[0];
      expect(outside(center, await boxes(CENTER_PARTS))).toEqual([]);
      await saveScreenshot(page, 'small-screen-left-open');

      await page.click('[data-testid=collapse-right]');
      await page.locator('[data-testid=expand-right]').waitFor();
      const folded = await boxes({ canvas: FRAME.canvas, rail: '.sidebar.right', left: '.sidebar.left' });
      expect(overlapping(folded)).toEqual([]);
      expect(folded.find((b) => b.name === 'rail')!.width).toBeLessThan(50);
      // Selecting something brings the details back.
      await page.click('[data-testid=expand-right]');
      await page.locator('[data-testid=side-details]').waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'takes dates as åååå-mm-dd or dd-mm-åååå, never mm/dd/yyyy',
    async () => {
      const from = page.locator('[data-testid=timeline-from]');
      expect(await from.getAttribute('type')).toBe('text');
      expect(await from.getAttribute('placeholder')).toBe('åååå-mm-dd');
      await from.fill('01-10-2025');
      await page.waitForFunction(() => window.location.hash.includes('from=2025-10-01'));
      await from.fill('2025-02-30');
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => window.location.hash)).toContain('from=2025-10-01');
      await page.click('[data-testid=timeline-clear]');
      await page.waitForFunction(() => !window.location.hash.includes('from='));
      expect(await from.inputValue()).toBe('');
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    expect(explorer.errors).toEqual([]);
  });
});
