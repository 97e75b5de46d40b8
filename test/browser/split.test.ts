// Browser test of splitting a merge: merge two entities in the explorer, then Split in the details panel brings both back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { allEdges, clickNode, visibleNodeIds, waitForIdle } from './helpers/canvas.ts';

interface Hit {
  id: string;
  label: string;
  name: string;
}

let explorer: OpenedExplorer;
let page: Page;

/** Picks an entity in one of the search boxes (main search or a merge slot). */
async function pickInSearch(testId: string, text: string, id: string): Promise<void> {
  await page.fill(`[data-testid=${testId}] input`, text);
  await page.click(`[data-testid=${testId}-results] [data-testid=search-hit][data-id="${id}"]`);
}

/** Two companies of the seeds tied by a relationship: the merge then has a relationship between the two. */
async function relatedCompanies(): Promise<[Hit, Hit]> {
  const { search } = await explorer.gql<{ search: Hit[] }>(
    '{ search(query: "Huawei", types: ["Company"]) { id label name } }',
  );
  const huawei = search[0];
  expect(huawei, 'the seeds mention Huawei').toBeDefined();
  const { neighborhood } = await explorer.gql<{ neighborhood: { nodes: Hit[] } }>(
    'query($id: ID!) { neighborhood(ids: [$id], types: ["Company"], followCoMentions: true) { nodes { id label name } } }',
    { id: huawei.id },
  );
  const other = neighborhood.nodes.find((n) => n.id !== huawei.id && n.label === 'Company');
  expect(other, 'Huawei has a company neighbour in the seeds').toBeDefined();
  return [huawei, other!];
}

beforeAll(async () => {
  explorer = await openExplorer();
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('splitting a merged entity', () => {
  it(
    'merges two entities, then Split in the details panel draws both again',
    async () => {
      const [keep, other] = await relatedCompanies();
      for (const hit of [keep, other]) {
        await pickInSearch('search', hit.name, hit.id);
        await waitForIdle(page);
      }
      expect((await visibleNodeIds(page)).sort()).toEqual([keep.id, other.id].sort());

      await page.click('[data-testid=side-merge]');
      await pickInSearch('merge-keep-search', keep.name, keep.id);
      await pickInSearch('merge-other-search', other.name, other.id);
      await page.click('[data-testid=merge-start]');
      await page.click('[data-testid=confirm-ok]');
      await expect(page.locator('[data-testid=merge-message]').innerText()).resolves.toMatch(/^Merged/);
      await waitForIdle(page);
      expect(await visibleNodeIds(page)).toEqual([keep.id]);

      await clickNode(page, keep.id);
      const mergedFrom = page.locator(`[data-testid=details][data-node-id="${keep.id}"] [data-testid=merged-from]`);
      await expect(mergedFrom.innerText()).resolves.toContain(other.name);
      await mergedFrom.locator('button').click();
      await page.waitForFunction((id) => window.__newsgraph!.cy.getElementById(id).length > 0, other.id, {
        timeout: 30_000,
      });
      await waitForIdle(page);
      expect((await visibleNodeIds(page)).sort()).toEqual([keep.id, other.id].sort());
      const between = (await allEdges(page)).filter(
        (e) => [e.source, e.target].sort().join() === [keep.id, other.id].sort().join(),
      );
      expect(between.length, 'the relationship between the two is drawn again').toBeGreaterThan(0);
      // The panel no longer offers a split: nothing is merged into the kept entity any more.
      await page.waitForSelector(`[data-testid=details][data-node-id="${keep.id}"] [data-testid=merged-from]`, {
        state: 'detached',
      });
      const { nodesByIds } = await explorer.gql<{ nodesByIds: Hit[] }>(
        'query($ids: [ID!]!) { nodesByIds(ids: $ids) { id label name } }',
        { ids: [other.id] },
      );
      expect(nodesByIds).toEqual([other]);
    },
    STEP_TIMEOUT_MS,
  );
});
