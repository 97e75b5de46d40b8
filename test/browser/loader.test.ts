// Browser tests of the loader's failures: the pasted text survives a refusal, a huge paste never leaves the browser,
// and the messages speak to the reader, not the developer.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { recordOperations } from './helpers/operations.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

const ENGLISH =
  'Huawei wins new contract in Denmark\n\nThe Chinese company Huawei has signed a contract with the Danish operator TDC, ' +
  'and it is the largest deal that the company has made in the Nordic region. The deal is worth more than one billion, ' +
  'according to people who are familiar with the matter and who have seen the contract.';

/** A Danish article file whose first line is the lead sentence, not a headline. */
const LEAD_FIRST_FILE =
  'Netcompany har vundet en kontrakt med Skatteministeriet om et nyt it-system til inddrivelse, oplyser selskabet.\n\n' +
  'Kontrakten løber over fem år, og arbejdet ledes af Anders Vestergaard, der kommer fra KMD. ' +
  'Ifølge Netcompany skal 60 medarbejdere i København arbejde på systemet, og de første dele skal tages i brug næste år. ' +
  'Skatteministeriet oplyser, at kontrakten blev sendt i udbud i foråret.';
const FILE_TITLE = 'Netcompany vinder it-kontrakt med Skatteministeriet';

let explorer: OpenedExplorer;
let page: Page;

beforeAll(async () => {
  explorer = await openExplorer({ ready: 'load-panel' });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('the loader', () => {
  it(
    'keeps the pasted text when the load fails, and says why in plain words',
    async () => {
      await page.fill('[data-testid=loader-text]', ENGLISH);
      await page.fill('[data-testid=loader-title]', 'Huawei wins');
      await page.click('[data-testid=loader-submit]');
      const item = page.locator('[data-testid=loader-item][data-status=error]');
      await item.waitFor({ timeout: 60_000 });
      const message = await item.innerText();
      expect(message).toMatch(/does not read as Danish/);
      expect(message).not.toMatch(/GraphQL input|NEWSGRAPH_/);
      expect(await page.inputValue('[data-testid=loader-text]')).toBe(ENGLISH);
      expect(await page.inputValue('[data-testid=loader-title]')).toBe('Huawei wins');
      await saveScreenshot(page, 'loader-failed-keeps-text');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'refuses a 3 MB paste before uploading it',
    async () => {
      const huge = `Kæmpe artikel\n\n${'Huawei har ansat en ny direktør i Danmark. '.repeat(75_000)}`;
      const operations = await recordOperations(page, async () => {
        await page.evaluate((text) => {
          // Setting 3 MB through the keyboard takes minutes; React reads the value from an input event.
          const area = document.querySelector<HTMLTextAreaElement>('[data-testid=loader-text]')!;
          const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
          setter.call(area, text);
          area.dispatchEvent(new Event('input', { bubbles: true }));
        }, huge);
        await page.click('[data-testid=loader-submit]');
        await page.locator('[data-testid=loader] [role=alert]').waitFor();
      });
      expect(await page.innerText('[data-testid=loader] [role=alert]')).toMatch(/3\.\d MB; one article can be at most/);
      expect(operations.filter((o) => o.name === 'IngestArticle')).toEqual([]);
      expect((await page.inputValue('[data-testid=loader-text]')).length).toBe(huge.length);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'on a first visit suggests where to start, and a suggestion goes on the canvas',
    async () => {
      const first = page.locator('[data-testid=start-here]').first();
      await first.waitFor();
      const id = await first.getAttribute('data-id');
      await first.click();
      await page.waitForFunction((nodeId) => window.__newsgraph!.cy.getElementById(nodeId!).nonempty(), id);
      await page.locator('[data-testid=start-here]').first().waitFor({ state: 'detached' });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'asks for the title of a chosen .txt file whose first line is a sentence, and stores the title given',
    async () => {
      // The form as a person would leave it before choosing a file: empty.
      await page.fill('[data-testid=loader-text]', '');
      await page.fill('[data-testid=loader-title]', '');
      const ask = page.locator('[data-testid=loader-ask-title]');
      const chosen = await recordOperations(page, async () => {
        await page.setInputFiles('[data-testid=loader-files]', {
          name: 'netcompany.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(LEAD_FIRST_FILE, 'utf8'),
        });
        await ask.waitFor();
      });
      // Held for the title, as pasted text is: nothing is sent yet.
      expect(chosen.filter((o) => o.name === 'IngestArticle')).toEqual([]);
      expect(await ask.getAttribute('data-why')).toBe('sentence');
      expect(await page.innerText('[data-testid=loader-form-file]')).toContain('netcompany.txt');
      expect(await page.inputValue('[data-testid=loader-text]')).toBe(LEAD_FIRST_FILE);

      await page.fill('[data-testid=loader-title]', FILE_TITLE);
      await page.click('[data-testid=loader-submit]');
      await page.locator('[data-testid=loader-item][data-status=done]').waitFor({ timeout: 60_000 });
      expect(await page.innerText('[data-testid=loader-item]')).toContain(FILE_TITLE);
      const { articles } = await explorer.gql<{ articles: { title: string }[] }>(
        'query($t: String!) { articles(where: { title: { startsWith: $t } }) { title } }',
        { t: 'Netcompany' },
      );
      expect(articles.map((a) => a.title)).toEqual([FILE_TITLE]);
      await ask.waitFor({ state: 'detached' });
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    expect(explorer.errors).toEqual([]);
  });
});
