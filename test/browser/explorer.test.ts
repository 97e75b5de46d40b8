// Browser tests of the explorer against the real server and a real Neo4j holding the seed articles:
// what a user does (search, expand, read evidence, load, query, paths, timeline, merge, export, links, errors).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { allEdges, allNodes, clickNode, doubleClickNode, visibleNodeIds, waitForIdle } from './helpers/canvas.ts';
import { recordOperations } from './helpers/operations.ts';
import { saveScreenshot, screenshotsDir } from './helpers/screenshots.ts';

interface Hit {
  id: string;
  label: string;
  name: string;
}

let explorer: OpenedExplorer;
let page: Page;

/** The best search hit of a type for a name, straight from the API (to know ids the UI should show). */
async function findEntity(name: string, label: string): Promise<Hit> {
  const { search } = await explorer.gql<{ search: Hit[] }>(
    'query($q: String!) { search(query: $q, limit: 20) { id label name } }',
    { q: name },
  );
  const hit =
    search.find((h) => h.label === label && h.name.toLowerCase() === name.toLowerCase()) ??
    search.find((h) => h.label === label);
  if (!hit)
    throw new Error(`the seeds should contain a ${label} called ${name}; search returned ${JSON.stringify(search)}`);
  return hit;
}

async function clearCanvas(): Promise<void> {
  await page.click('[data-testid=tab-graph]');
  const clear = page.locator('[data-testid=clear-canvas]');
  if (await clear.isEnabled()) await clear.click();
  await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length === 0);
}

/** Picks an entity in one of the search boxes (main search or a path/merge slot). */
async function pickInSearch(testId: string, text: string, id: string): Promise<void> {
  await page.fill(`[data-testid=${testId}] input`, text);
  await page.click(`[data-testid=${testId}-results] [data-testid=search-hit][data-id="${id}"]`);
}

beforeAll(async () => {
  explorer = await openExplorer();
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('the explorer', () => {
  it(
    'searches, adds a node, expands it in place, and shows evidence that opens the article',
    async () => {
      const huawei = await findEntity('Huawei', 'Company');
      const usa = await findEntity('USA', 'Government');
      // First visit: what the counts mean, and where to start.
      await expect(page.locator('[data-testid=counts-meaning]').innerText()).resolves.toMatch(
        /The database holds \d+ articles, \d+ entities and \d+ events/,
      );
      // The three lists arrive from two requests (suggestions and the timeline): wait for both.
      await page.waitForFunction(
        () =>
          /most mentioned[\s\S]*latest events[\s\S]*latest articles/i.test(
            document.querySelector('[data-testid=start-here-list]')?.textContent ?? '',
          ),
        undefined,
        { timeout: 30_000 },
      );
      await saveScreenshot(page, 'empty');

      // Autocomplete: results grouped by type with counts.
      await page.fill('[data-testid=search] input', 'Hua');
      await page.waitForSelector(`[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"]`);
      const companies = page.locator('[data-testid=search-results] [data-group=Company]');
      expect(await companies.locator('.search-group-header').textContent()).toContain('Companies');
      expect(await companies.locator('.search-group-header .count').textContent()).toMatch(/^\d+$/);
      // The number beside a hit says what it counts.
      expect(
        await page.innerText(
          `[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"] .hit-count`,
        ),
      ).toMatch(/^\d+ mentions?$/);
      await saveScreenshot(page, 'search');
      await page.click(`[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"]`);
      await waitForIdle(page);
      expect(await visibleNodeIds(page)).toEqual([huawei.id]);
      await page.waitForSelector(`[data-testid=details][data-node-id="${huawei.id}"]`);
      // "Articles mentioning" counts articles (the node's weight), "Mentions" every mention in them.
      const weight = await page.evaluate((id) => window.__newsgraph!.cy.getElementById(id).data('weight'), huawei.id);
      const propRow = (name: string) =>
        page.locator(`[data-testid=details] .props div:has(dt:text-is("${name}")) dd`).innerText();
      await expect(propRow('Articles mentioning')).resolves.toBe(String(weight));
      await expect(propRow('Mentions')).resolves.toMatch(/^\d+$/);

      // Expand on double-click: neighbours appear, Huawei does not move.
      const before = await page.evaluate((id) => window.__newsgraph!.cy.getElementById(id).position(), huawei.id);
      const operations = await recordOperations(page, async () => {
        await doubleClickNode(page, huawei.id);
        await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length > 1, undefined, { timeout: 60_000 });
        await waitForIdle(page);
      });
      // One request per expand: the neighbourhood brings the edges among the drawn nodes with it.
      expect(operations.filter((o) => o.name === 'Neighborhood' && o.variables.drawn)).toHaveLength(1);
      expect(operations.filter((o) => o.name === 'EdgesAmong')).toEqual([]);
      const afterExpand = await visibleNodeIds(page);
      expect(afterExpand).toContain(usa.id);
      const after = await page.evaluate((id) => window.__newsgraph!.cy.getElementById(id).position(), huawei.id);
      expect(Math.abs(after.x - before.x)).toBeLessThan(1);
      expect(Math.abs(after.y - before.y)).toBeLessThan(1);

      // A truncated expand says how many more neighbours there are (past the limit, or only co-mentioned).
      const { neighborhood } = await explorer.gql<{
        neighborhood: { truncated: boolean; remaining: number; coMentionOnly: number };
      }>(
        'query($id: ID!, $types: [String!]) { neighborhood(ids: [$id], types: $types, limit: 25, followCoMentions: false) { truncated remaining coMentionOnly } }',
        { id: huawei.id, types: ['Person', 'Company', 'Government', 'Organization', 'Place', 'Event'] },
      );
      const more = await page.evaluate(
        (id) => window.__newsgraph!.cy.getElementById(id).data('more') as number,
        huawei.id,
      );
      expect(more).toBe(
        (neighborhood.truncated ? Math.max(1, neighborhood.remaining) : 0) + neighborhood.coMentionOnly,
      );

      // Undo / redo the expand.
      await page.click('[data-testid=undo]');
      await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length === 1);
      await page.click('[data-testid=redo]');
      await page.waitForFunction((n) => window.__newsgraph!.cy.nodes().length === n, afterExpand.length);
      await waitForIdle(page);

      // Details of Huawei: the SANCTIONS relationship with USA carries its sentence.
      await clickNode(page, huawei.id);
      const details = page.locator(`[data-testid=details][data-node-id="${huawei.id}"]`);
      await details.locator('[data-testid=relationships]').waitFor({ timeout: 60_000 });
      const sanctions = (await allEdges(page)).find(
        (e) => e.type === 'SANCTIONS' && e.source === usa.id && e.target === huawei.id,
      );
      expect(sanctions, 'USA SANCTIONS Huawei is drawn').toBeDefined();
      const { evidence } = await explorer.gql<{ evidence: { items: { sentence: string; articleId: string }[] } }>(
        'query($id: ID!) { evidence(edgeId: $id) { items { sentence articleId } } }',
        { id: sanctions!.id },
      );
      expect(evidence.items.length).toBeGreaterThan(0);
      const row = details.locator(`[data-testid=relationship][data-edge-id="${sanctions!.id}"]`);
      const firstEvidence = row.locator('[data-testid=evidence]').first();
      await expect(firstEvidence.innerText()).resolves.toContain(evidence.items[0].sentence.slice(0, 40));
      await row.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'expand-details');

      // The sentence opens the article, highlighted, with entities marked.
      await firstEvidence.click();
      const reader = page.locator('[data-testid=article-reader]');
      await reader.locator('[data-testid=highlighted-sentence]').first().waitFor();
      const highlighted = (await reader.locator('[data-testid=highlighted-sentence]').allInnerTexts())
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      expect(highlighted).toBe(evidence.items[0].sentence.replace(/\s+/g, ' ').trim());
      expect(await reader.locator('mark.entity-mark[data-type=Company]').count()).toBeGreaterThan(0);
      await saveScreenshot(page, 'article-reader');
      await reader.getByRole('button', { name: /Back to details/ }).click();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'pins and hides nodes as undoable steps',
    async () => {
      const usa = await findEntity('USA', 'Government');
      await clickNode(page, usa.id);
      await page.click('[data-testid=pin]');
      expect((await allNodes(page)).find((n) => n.id === usa.id)?.classes).toContain('pinned');
      await page.click('[data-testid=hide]');
      expect(await visibleNodeIds(page)).not.toContain(usa.id);
      await page.click('[data-testid=undo]');
      expect(await visibleNodeIds(page)).toContain(usa.id);
      await page.click('[data-testid=undo]');
      expect((await allNodes(page)).find((n) => n.id === usa.id)?.classes).not.toContain('pinned');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'loads a pasted article and highlights its new and merged nodes on the canvas',
    async () => {
      await clearCanvas();
      await page.click('[data-testid=side-load]');
      // An empty article is refused with a message, not silently.
      await page.click('[data-testid=loader-submit]');
      await expect(page.locator('[data-testid=loader] [role=alert]').innerText()).resolves.toMatch(/empty/i);

      await page.fill('[data-testid=loader-text]', readFileSync(join(FIXTURES_DIR, 'paste-nordlys.txt'), 'utf8'));
      await page.click('[data-testid=loader-submit]');
      const summary = page.locator('[data-testid=loader-summary]');
      await summary.waitFor({ timeout: 90_000 });
      await expect(summary.innerText()).resolves.toMatch(/\d+ new nodes/);
      await waitForIdle(page);

      const signe = await findEntity('Signe Vestergaard', 'Person');
      const huawei = await findEntity('Huawei', 'Company');
      const nodes = await allNodes(page);
      expect(nodes.find((n) => n.id === signe.id)?.classes, 'the new person is highlighted as new').toContain(
        'created',
      );
      expect(
        nodes.find((n) => n.id === huawei.id)?.classes,
        'Huawei, already known, is highlighted as merged',
      ).toContain('merged');
      expect(nodes.filter((n) => n.classes.includes('created')).length).toBeGreaterThanOrEqual(2);
      await saveScreenshot(page, 'loader-what-changed');

      // A .txt file chosen through the drop zone; loading it again changes nothing, and says so.
      await page.setInputFiles('[data-testid=loader-files]', join(FIXTURES_DIR, 'paste-nordlys.txt'));
      // The first item of the new queue is reported unchanged (the earlier queue's item said "loaded").
      await page
        .locator('[data-testid=loader-item][data-status=done]', { hasText: /unchanged/i })
        .waitFor({ timeout: 90_000 });
      expect(await page.locator('[data-testid=loader-item]').count()).toBe(1);
      await expect(page.locator('[data-testid=notice]').innerText()).resolves.toMatch(/Nothing changed/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'runs a GraphiQL query and draws its result on the canvas',
    async () => {
      await clearCanvas();
      const huawei = await findEntity('Huawei', 'Company');
      const usa = await findEntity('USA', 'Government');
      await page.click('[data-testid=tab-query]');
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.waitFor({ timeout: 60_000 });
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(
        'query HuaweiAndUSA { companies(where: { name: { eq: "Huawei" } }) { id name aliases } governments(where: { name: { eq: "USA" } }) { id name aliases } }',
      );
      await page.locator('button[aria-label^="Prettify"]').click();
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(
        () => /carries 2 ids/.test(document.querySelector('[data-testid=query-panel] .query-bar')?.textContent ?? ''),
        undefined,
        { timeout: 30_000 },
      );
      await saveScreenshot(page, 'query');
      await page.click('[data-testid=show-on-canvas]');
      await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length === 2, undefined, { timeout: 30_000 });
      await waitForIdle(page);
      expect((await visibleNodeIds(page)).sort()).toEqual([huawei.id, usa.id].sort());
      const edges = await allEdges(page);
      expect(edges.some((e) => e.type === 'SANCTIONS' && e.source === usa.id && e.target === huawei.id)).toBe(true);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'finds the shortest path between two entities and draws it highlighted',
    async () => {
      await clearCanvas();
      const xiaomi = await findEntity('Xiaomi', 'Company');
      const huawei = await findEntity('Huawei', 'Company');
      const { paths } = await explorer.gql<{ paths: { nodes: { id: string }[]; edges: { id: string }[] } }>(
        'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxDepth: 4) { nodes { id } edges { id } } }',
        { a: xiaomi.id, b: huawei.id },
      );
      expect(paths.nodes.length, 'Xiaomi and Huawei are connected within 4 hops (through USA)').toBeGreaterThanOrEqual(
        3,
      );

      await pickInSearch('path-from-search', 'Xiaomi', xiaomi.id);
      await pickInSearch('path-to-search', 'Huawei', huawei.id);
      await page.click('[data-testid=path-find]');
      await expect(page.locator('[data-testid=path-message]').innerText()).resolves.toMatch(/Shortest paths drawn/);
      await waitForIdle(page);
      const nodes = await allNodes(page);
      const onPath = nodes
        .filter((n) => n.classes.includes('path'))
        .map((n) => n.id)
        .sort();
      expect(onPath).toEqual(paths.nodes.map((n) => n.id).sort());
      const pathEdges = (await allEdges(page))
        .filter((e) => e.classes.includes('path'))
        .map((e) => e.id)
        .sort();
      expect(pathEdges).toEqual(paths.edges.map((e) => e.id).sort());
      // "clear" sits inside the left column, not cut off at its edge.
      const clear = await page.locator('[data-testid=paths] button.link', { hasText: 'clear' }).boundingBox();
      const column = await page.locator('.sidebar.left').boundingBox();
      expect(clear!.x + clear!.width).toBeLessThanOrEqual(column!.x + column!.width);
      await saveScreenshot(page, 'paths');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'filters events by a date range on the timeline, and the link reopens the filtered view',
    async () => {
      const { timeline } = await explorer.gql<{ timeline: { id: string; date: string | null }[] }>(
        '{ timeline { id date } }',
      );
      const dated = timeline.filter((e) => e.date).sort((a, b) => (a.date as string).localeCompare(b.date as string));
      const dates = [...new Set(dated.map((e) => (e.date as string).slice(0, 10)))];
      expect(dates.length, 'the seeds hold events on at least two dates').toBeGreaterThanOrEqual(2);
      // Open the events through a link, the way a shared view arrives.
      const ids = dated.map((e) => e.id);
      await page.goto(`${explorer.url}/#n=${ids.map(encodeURIComponent).join(',')}`);
      await page.waitForFunction((n) => window.__newsgraph?.cy.nodes().length === n, ids.length, { timeout: 30_000 });
      await waitForIdle(page);

      // Brush: dragging across the histogram sets a range.
      const svg = page.locator('[data-testid=timeline-svg]');
      const box = (await svg.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      expect(await page.inputValue('[data-testid=timeline-from]')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // Exact range from the date inputs: from the second date on.
      const from = dates[1];
      await page.fill('[data-testid=timeline-from]', from);
      await page.fill('[data-testid=timeline-to]', dates[dates.length - 1]);
      await page.waitForFunction(
        (expected) => window.__newsgraph!.cy.nodes().filter((n) => !n.hasClass('filtered')).length === expected,
        dated.filter((e) => (e.date as string).slice(0, 10) >= from).length,
      );
      const visible = new Set(await visibleNodeIds(page));
      for (const e of dated)
        expect(visible.has(e.id), `${e.id} dated ${e.date}`).toBe((e.date as string).slice(0, 10) >= from);
      await saveScreenshot(page, 'timeline-filter');

      // The URL carries nodes and the range: a fresh page shows the same view.
      const link = page.url();
      expect(link).toContain(`from=${from}`);
      const other = await explorer.context.newPage();
      await other.goto(link);
      await other.waitForFunction((n) => window.__newsgraph?.cy.nodes().length === n, ids.length, { timeout: 30_000 });
      const reopened = await other.evaluate(() =>
        window
          .__newsgraph!.cy.nodes()
          .filter((n) => !n.hasClass('filtered'))
          .map((n) => n.id()),
      );
      expect(new Set(reopened)).toEqual(visible);
      await other.close();
      await page.click('[data-testid=timeline-clear]');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'merges two entities after confirmation',
    async () => {
      await clearCanvas();
      const usa = await findEntity('USA', 'Government');
      const { governments } = await explorer.gql<{ governments: { id: string; name: string }[] }>(
        '{ governments { id name } }',
      );
      // The White House stands for the US administration, which the graph model files under the state itself.
      const candidates = governments.filter((g) => g.id !== usa.id && !/^kina$/i.test(g.name));
      const other = candidates.find((g) => /hvide hus/i.test(g.name)) ?? candidates[0];
      expect(other, 'the seeds hold a second government body besides USA and Kina').toBeDefined();

      await page.click('[data-testid=side-merge]');
      await pickInSearch('merge-keep-search', 'USA', usa.id);
      await pickInSearch('merge-other-search', other!.name, other!.id);
      await page.click('[data-testid=merge-start]');
      const dialog = page.locator('[data-testid=confirm-dialog]');
      await expect(dialog.innerText()).resolves.toContain(other!.name);
      await saveScreenshot(page, 'merge-dialog');
      await page.click('[data-testid=confirm-ok]');
      await expect(page.locator('[data-testid=merge-message]').innerText()).resolves.toMatch(/^Merged/);

      const { nodesByIds } = await explorer.gql<{ nodesByIds: { id: string }[] }>(
        'query($ids: [ID!]!) { nodesByIds(ids: $ids) { id } }',
        { ids: [other!.id] },
      );
      expect(nodesByIds).toEqual([]);
      const { search } = await explorer.gql<{ search: { id: string; aliases: string[] }[] }>(
        'query($q: String!) { search(query: $q) { id aliases } }',
        { q: other!.name },
      );
      expect(search.find((h) => h.id === usa.id)?.aliases.map((a) => a.toLowerCase())).toContain(
        other!.name.toLowerCase(),
      );
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'exports the view as PNG and JSON',
    async () => {
      await clearCanvas();
      const huawei = await findEntity('Huawei', 'Company');
      await page.fill('[data-testid=search] input', 'Huawei');
      await page.click(`[data-testid=search-results] [data-testid=search-hit][data-id="${huawei.id}"]`);
      await waitForIdle(page);
      // Expand without events (the per-type expand filter): no Event node may appear.
      await page.locator('[data-testid=expand-types] label', { hasText: 'Event' }).click();
      await doubleClickNode(page, huawei.id);
      await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length > 1, undefined, { timeout: 60_000 });
      await waitForIdle(page);
      expect(await page.evaluate(() => window.__newsgraph!.cy.nodes('[type = "Event"]').length)).toBe(0);
      await page.locator('[data-testid=expand-types] label', { hasText: 'Event' }).click();
      const drawn = await visibleNodeIds(page);

      const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
      expect(png.suggestedFilename()).toBe('newsgraph-view.png');
      const pngBytes = readFileSync((await png.path()) as string);
      expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(pngBytes.length).toBeGreaterThan(5_000);
      // The legend strip is drawn under the picture: the PNG is taller than cytoscape's own export by its height.
      const drawing = await page.evaluate(async () => {
        const blob = await window.__newsgraph!.cy.png({
          output: 'blob-promise',
          full: true,
          scale: 2,
          maxWidth: 6000,
          maxHeight: 6000,
        });
        const bitmap = await createImageBitmap(blob);
        return { width: bitmap.width, height: bitmap.height };
      });
      expect(pngBytes.readUInt32BE(20)).toBe(drawing.height + 58 * 2);
      expect(pngBytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.max(drawing.width, 720 * 2));
      writeFileSync(join(screenshotsDir(), 'export-with-legend.png'), pngBytes);

      const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
      expect(json.suggestedFilename()).toBe('newsgraph-view.json');
      const view = JSON.parse(readFileSync((await json.path()) as string, 'utf8')) as {
        nodes: { id: string; x: number }[];
        edges: unknown[];
        link: string;
      };
      expect(view.nodes.map((n) => n.id).sort()).toEqual([...drawn].sort());
      expect(view.nodes.every((n) => typeof n.x === 'number')).toBe(true);
      expect(view.edges.length).toBeGreaterThan(0);
      expect(view.link).toContain('#n=');
      await saveScreenshot(page, 'graph');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'says plainly when the server cannot be reached',
    async () => {
      const offline = await explorer.context.newPage();
      await offline.route('**/graphql', (route) => route.abort('connectionrefused'));
      await offline.goto(explorer.url);
      const banner = offline.locator('[data-testid=server-error]');
      await banner.waitFor();
      await expect(banner.innerText()).resolves.toMatch(/Cannot reach the newsgraph server/);
      await expect(offline.locator('[data-testid=empty-state]').innerText()).resolves.toMatch(/not reachable/);
      await offline.close();
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    // Failed /graphql requests of the offline test are expected; anything else is a bug.
    const unexpected = explorer.errors.filter(
      (e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR_FAILED/.test(e),
    );
    expect(unexpected).toEqual([]);
  });
});
