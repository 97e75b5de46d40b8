// Browser tests of the Danish UI: no English left in the main panels, the language switch, and the loader asking
// for a title (and speaking Danish when a load fails).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../client/i18n/da.ts';
import { en } from '../../client/i18n/en.ts';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { waitForIdle } from './helpers/canvas.ts';
import { recordOperations } from './helpers/operations.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

/** A Danish article whose first line is its first sentence, not a headline. */
const SENTENCE_FIRST =
  'Huawei har åbnet et nyt udviklingscenter i Aarhus, oplyser selskabet.\n\n' +
  'Centret skal beskæftige 40 ingeniører, og det ledes af Mette Kjærgaard, der kommer fra Ericsson. ' +
  'Ifølge Huawei er Danmark et vigtigt marked for virksomheden, og selskabet vil ansætte flere i løbet af året. ' +
  'Erhvervsministeriet hilser investeringen velkommen.';
const ASKED_TITLE = 'Huawei åbner udviklingscenter i Aarhus';

const ENGLISH =
  'Huawei wins new contract in Denmark\n\nThe Chinese company Huawei has signed a contract with the Danish operator TDC, ' +
  'and it is the largest deal that the company has made in the Nordic region. The deal is worth more than one billion, ' +
  'according to people who are familiar with the matter and who have seen the contract.';

let explorer: OpenedExplorer;
let page: Page;

/** English texts that a Danish UI must not show: every English message that differs from its Danish one. */
function englishMatchers(): { literal: Set<string>; long: string[]; templates: RegExp[] } {
  const literal = new Set<string>();
  const long: string[] = [];
  const templates: RegExp[] = [];
  for (const [key, text] of Object.entries(en)) {
    if (text === da[key as keyof typeof da]) continue;
    if (!/\{\w+\}/.test(text)) {
      literal.add(text);
      if (text.length >= 12) long.push(text);
      continue;
    }
    // A template with a fixed word of its own to be recognised by ("{count} mentions").
    const fixed = text.replace(/\{\w+\}/g, ' ').trim();
    if (!fixed.split(/\s+/).some((w) => /[a-z]{3,}/i.test(w))) continue;
    const pattern = text
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?');
    templates.push(new RegExp(`^${pattern}$`));
  }
  return { literal, long, templates };
}

/** Every visible text node, title, placeholder and aria-label inside `selectors`, trimmed. */
async function visibleTexts(selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const sel of sels) {
      for (const root of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim();
          if (text && n.parentElement && visible(n.parentElement)) out.push(text);
        }
        for (const el of root.querySelectorAll('[title], [placeholder], [aria-label]')) {
          if (!visible(el)) continue;
          for (const attr of ['title', 'placeholder', 'aria-label']) {
            const value = el.getAttribute(attr)?.trim();
            if (value) out.push(value);
          }
        }
        // Whole elements too: a sentence split over several text nodes ("{count} nodes" and "{count} edges").
        for (const el of root.querySelectorAll('p, span, button, label, h2, h3, h4, summary, legend, dt, li')) {
          const text = (el as HTMLElement).innerText?.trim();
          if (text && visible(el) && !text.includes('\n')) out.push(text);
        }
      }
    }
    return out;
  }, selectors);
}

function englishIn(texts: string[]): string[] {
  const { literal, long, templates } = englishMatchers();
  return [
    ...new Set(
      texts.filter(
        (text) => literal.has(text) || long.some((e) => text.includes(e)) || templates.some((re) => re.test(text)),
      ),
    ),
  ];
}

const MAIN_PANELS = ['.topbar', '[data-testid=toolbar]', '.sidebar.left', '.sidebar.right', '.center', '.banner'];

beforeAll(async () => {
  explorer = await openExplorer({ locale: 'da-DK' });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('the explorer in Danish', () => {
  it(
    'starts in Danish when the browser prefers Danish, and shows no English in the main panels',
    async () => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
      expect(await page.inputValue('[data-testid=lang-switch]')).toBe('da');
      expect(await page.innerText('[data-testid=tab-graph]')).toBe('Udforsk');
      // First visit: the suggestions are in.
      await page.waitForFunction(
        () => /Mest omtalt/.test(document.querySelector('[data-testid=start-here-list]')?.textContent ?? ''),
        undefined,
        { timeout: 30_000 },
      );
      expect(englishIn(await visibleTexts(MAIN_PANELS))).toEqual([]);
      await saveScreenshot(page, 'da-first-visit');

      // A company with its relationships in the details panel, on the canvas with its neighbours.
      const { search } = await explorer.gql<{ search: { id: string; label: string }[] }>(
        '{ search(query: "Huawei", types: ["Company"], limit: 1) { id label } }',
      );
      const huawei = search[0];
      await page.fill('[data-testid=search] input', 'Huawei');
      await page.waitForSelector(`[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"]`);
      const texts = await visibleTexts(['[data-testid=search-results]']);
      expect(englishIn(texts)).toEqual([]);
      expect(texts).toContain('Virksomheder');
      await page.click(`[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"]`);
      await waitForIdle(page);
      await page.waitForSelector(`[data-testid=details][data-node-id="${huawei.id}"] [data-testid=relationships]`);
      await page.locator('[data-testid=details] button', { hasText: 'Udvid' }).first().click();
      await waitForIdle(page);
      const relTypes = await page.locator('[data-testid=relationships] .rel-type').allInnerTexts();
      expect(relTypes.length).toBeGreaterThan(0);
      expect(englishIn(await visibleTexts(MAIN_PANELS))).toEqual([]);
      // Canvas captions (relation types, event kinds) are Danish too.
      const edgeCaptions: string[] = await page.evaluate(() =>
        window.__newsgraph!.cy.edges().map((e) => String(e.data('caption'))),
      );
      const englishRelations = Object.entries(en)
        .filter(([k, v]) => k.startsWith('rel.') && v !== da[k as keyof typeof da])
        .map(([, v]) => v);
      expect(edgeCaptions.filter((c) => englishRelations.includes(c))).toEqual([]);
      await saveScreenshot(page, 'da-details-1440');

      // The legend drawn into the PNG export is Danish too: record what the export writes on its canvases.
      await page.evaluate(() => {
        const drawn: string[] = [];
        (window as unknown as { __drawnTexts: string[] }).__drawnTexts = drawn;
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number) {
          drawn.push(text);
          return fillText.call(this, text, x, y);
        };
      });
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
      expect(png.suggestedFilename()).toBe('newsgraph-view.png');
      const legend: string[] = await page.evaluate(
        () => (window as unknown as { __drawnTexts: string[] }).__drawnTexts,
      );
      expect(legend).toEqual(expect.arrayContaining(['Virksomhed', 'Myndighed', 'Begivenhed', da['legend.coMention']]));
      expect(englishIn(legend)).toEqual([]);

      for (const side of ['load', 'merge']) {
        await page.click(`[data-testid=side-${side}]`);
        expect(englishIn(await visibleTexts(MAIN_PANELS)), side).toEqual([]);
      }

      // The merge confirmation, asked before anything changes, is Danish; cancelled here.
      const { companies } = await explorer.gql<{ companies: { id: string; name: string }[] }>(
        '{ companies(sort: [{ mentionCount: DESC }], limit: 2) { id name } }',
      );
      for (const [slot, company] of [
        ['merge-keep', companies[0]],
        ['merge-other', companies[1]],
      ] as const) {
        await page.fill(`[data-testid=${slot}-search] input`, company.name);
        await page.click(`[data-testid=${slot}-search-results] [data-testid=search-hit][data-id="${company.id}"]`);
      }
      await page.click('[data-testid=merge-start]');
      const dialog = page.locator('[data-testid=confirm-dialog]');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/bliver flettet ind i/);
      expect(englishIn(await visibleTexts(['[data-testid=confirm-dialog]']))).toEqual([]);
      await saveScreenshot(page, 'da-merge-confirm');
      await dialog.getByRole('button', { name: 'Annullér' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.click('[data-testid=side-details]');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows an event hit with its date, day-first',
    async () => {
      const { timeline } = await explorer.gql<{ timeline: { id: string; summary: string; date: string | null }[] }>(
        '{ timeline { id summary date } }',
      );
      const event = timeline.find((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date) && e.summary.length > 8);
      expect(event, 'the seeds hold a dated event').toBeDefined();
      const [y, m, d] = event!.date!.slice(0, 10).split('-');
      await page.fill('[data-testid=search] input', event!.summary);
      const hitDate = page.locator(
        `[data-testid=search-results] [data-testid=search-hit][data-id="${event!.id}"] [data-testid=search-hit-date]`,
      );
      await hitDate.waitFor({ timeout: 30_000 });
      expect(await hitDate.innerText()).toBe(`${d}-${m}-${y}`);
      await saveScreenshot(page, 'da-search-event-date');
      await page.fill('[data-testid=search] input', '');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'switches to English and back from the top bar, and remembers the choice',
    async () => {
      await page.selectOption('[data-testid=lang-switch]', 'en');
      await page.waitForFunction(() => document.querySelector('[data-testid=tab-graph]')?.textContent === 'Explore');
      expect(await page.innerText('[data-testid=open-loader]')).toBe('Load articles');
      expect(await page.innerText('[data-testid=side-details]')).toBe('Details');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The same check that finds no English in Danish finds plenty now (so it can fail).
      expect(englishIn(await visibleTexts(MAIN_PANELS)).length).toBeGreaterThan(10);
      const captions: string[] = await page.evaluate(() =>
        window.__newsgraph!.cy.edges().map((e) => String(e.data('caption'))),
      );
      const englishRelations = Object.entries(en)
        .filter(([k]) => k.startsWith('rel.'))
        .map(([, v]) => v);
      expect(captions.length).toBeGreaterThan(0);
      expect(captions.every((c) => englishRelations.includes(c) || !/^[a-zæøå ]+$/.test(c))).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('newsgraph.lang'))).toBe('en');

      // Remembered over a reload, although the browser prefers Danish.
      await page.reload();
      await page.waitForSelector('[data-testid=tab-graph]');
      expect(await page.innerText('[data-testid=tab-graph]')).toBe('Explore');
      await saveScreenshot(page, 'en-after-switch', { asShown: true });

      await page.selectOption('[data-testid=lang-switch]', 'da');
      await page.waitForFunction(() => document.querySelector('[data-testid=tab-graph]')?.textContent === 'Udforsk');
      expect(await page.innerText('[data-testid=open-loader]')).toBe('Indlæs artikler');

      // A link can set the language for one visit (?lang=en) without replacing the remembered choice.
      await page.goto(`${explorer.url}/?lang=en`);
      await page.waitForSelector('[data-testid=tab-graph]');
      expect(await page.innerText('[data-testid=tab-graph]')).toBe('Explore');
      await page.goto(explorer.url);
      await page.waitForSelector('[data-testid=tab-graph]');
      expect(await page.innerText('[data-testid=tab-graph]')).toBe('Udforsk');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'asks for the title and date when the first line reads as a sentence, and loads the article under that title',
    async () => {
      await page.click('[data-testid=side-load]');
      await page.fill('[data-testid=loader-text]', SENTENCE_FIRST);
      const ask = page.locator('[data-testid=loader-ask-title]');
      await ask.waitFor();
      expect(await ask.getAttribute('data-why')).toBe('sentence');
      expect(await ask.innerText()).toMatch(/Første linje ligner en sætning/);
      await saveScreenshot(page, 'da-loader-asks-title');

      // Without a title the article is not sent.
      const none = await recordOperations(page, async () => {
        await page.click('[data-testid=loader-submit]');
        await page.locator('[data-testid=loader] [role=alert]').waitFor();
      });
      expect(none.filter((o) => o.name === 'IngestArticle')).toEqual([]);
      expect(await page.innerText('[data-testid=loader] [role=alert]')).toMatch(/^Giv artiklen en titel/);

      await page.fill('[data-testid=loader-title]', ASKED_TITLE);
      await page.fill('[data-testid=loader-date]', '12-03-2025');
      await page.click('[data-testid=loader-submit]');
      await page.locator('[data-testid=loader-item][data-status=done]').waitFor({ timeout: 60_000 });
      expect(await page.innerText('[data-testid=loader-item]')).toContain(ASKED_TITLE);
      const { articles } = await explorer.gql<{ articles: { title: string; publishedAt: string | null }[] }>(
        'query($t: String!) { articles(where: { title: { eq: $t } }) { title publishedAt } }',
        { t: ASKED_TITLE },
      );
      expect(articles).toHaveLength(1);
      expect(String(articles[0].publishedAt).slice(0, 10)).toBe('2025-03-12');
      // A successful load clears the form, and the question with it.
      expect(await page.inputValue('[data-testid=loader-text]')).toBe('');
      await ask.waitFor({ state: 'detached' });
      await waitForIdle(page);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'keeps the text when a load fails and says why in Danish',
    async () => {
      await page.fill('[data-testid=loader-text]', ENGLISH);
      await page.click('[data-testid=loader-submit]');
      const item = page.locator('[data-testid=loader-item][data-status=error]');
      await item.waitFor({ timeout: 60_000 });
      const message = await item.innerText();
      expect(message).toMatch(/fejlede/i);
      expect(message).toMatch(/Artiklen ser ikke ud til at være på dansk/);
      expect(message).not.toMatch(/GraphQL input|NEWSGRAPH_|reads as English/);
      expect(await page.inputValue('[data-testid=loader-text]')).toBe(ENGLISH);
      expect(englishIn(await visibleTexts(['.sidebar.right']))).toEqual([]);
      await saveScreenshot(page, 'da-loader-failed');
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    expect(explorer.errors).toEqual([]);
  });
});
