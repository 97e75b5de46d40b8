// Browser tests of a readable canvas at a few hundred elements: labels hide when zoomed out and come back on hover
// (with a tip and the neighbourhood highlighted), node size spans the drawn weights, new neighbours keep off labels.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedExplorer, openExplorer, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { REPO_ROOT } from './helpers/build.ts';
import { doubleClickNode, nodeScreenPosition, waitForIdle } from './helpers/canvas.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

const SETUP_TIMEOUT_MS = 400_000;
const DEMO_DIR = join(REPO_ROOT, 'data', 'articles');

let explorer: OpenedExplorer;
let page: Page;

async function openView(ids: string[]): Promise<void> {
  await page.goto(`${explorer.url}/#n=${ids.map(encodeURIComponent).join(',')}`);
  await page.waitForFunction((n) => window.__newsgraph?.cy.nodes().length === n, ids.length, { timeout: 60_000 });
  await waitForIdle(page, 30_000);
}

beforeAll(async () => {
  explorer = await openExplorer({
    // The demo articles on top of the seeds, for a canvas of a few hundred elements.
    prepare: async (app) => {
      for (const file of readdirSync(DEMO_DIR).filter((f) => f.endsWith('.txt'))) {
        await app.ingest(readFileSync(join(DEMO_DIR, file), 'utf8'));
      }
      return undefined;
    },
    ready: 'blank',
  });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('a readable canvas', () => {
  it(
    'at 300 elements hides labels when zoomed out and shows them, a tip and the neighbourhood on hover',
    async () => {
      const all = await explorer.gql<Record<string, { id: string }[]>>(
        '{ companies { id } people { id } governments { id } organizations { id } places { id } events { id } }',
      );
      const ids = Object.values(all)
        .flat()
        .map((n) => n.id);
      await openView(ids);
      const elements = await page.evaluate(() => window.__newsgraph!.cy.elements().length);
      expect(elements, 'the canvas holds a few hundred elements').toBeGreaterThanOrEqual(300);
      await page.getByRole('button', { name: 'Fit' }).click();
      await waitForIdle(page, 30_000);

      // The node with most neighbours that no other node or label covers at this zoom (the mouse must land on it
      // alone; a label is a target too): its label is hidden until it is hovered.
      const hub = await page.evaluate(() => {
        const cy = window.__newsgraph!.cy;
        const byDegree = cy.nodes().sort((a, b) => b.degree(false) - a.degree(false));
        // (With a margin: the canvas's hit test is a few pixels more generous than the drawn box, so a node whose
        // centre lies just outside a neighbour's box could still lose the hover to it.)
        const MARGIN = 8;
        const covered = (n: import('cytoscape').NodeSingular) => {
          const p = n.renderedPosition();
          return cy.nodes().some((o) => {
            if (o.same(n)) return false;
            const box = o.renderedBoundingBox({ includeLabels: true });
            return p.x >= box.x1 - MARGIN && p.x <= box.x2 + MARGIN && p.y >= box.y1 - MARGIN && p.y <= box.y2 + MARGIN;
          });
        };
        const node = byDegree.nodes().filter((n) => !covered(n))[0] ?? byDegree.nodes()[0];
        return { id: node.id(), name: node.data('name') as string };
      });
      const labelShown = (id: string) =>
        page.evaluate((nodeId) => {
          const cy = window.__newsgraph!.cy;
          const node = cy.getElementById(nodeId);
          return node.numericStyle('font-size') * cy.zoom() >= node.numericStyle('min-zoomed-font-size');
        }, id);
      expect(await page.evaluate(() => window.__newsgraph!.cy.zoom())).toBeLessThan(0.7);
      expect(await labelShown(hub.id), 'labels are hidden when zoomed out').toBe(false);
      await saveScreenshot(page, 'zoomed-out-300');

      const p = await nodeScreenPosition(page, hub.id);
      await page.mouse.move(p.x, p.y);
      await page.locator('[data-testid=node-tip]').waitFor();
      expect(await page.innerText('[data-testid=node-tip]')).toContain(hub.name);
      expect(await labelShown(hub.id), 'the hovered label is shown').toBe(true);
      const classes = await page.evaluate((id) => {
        const cy = window.__newsgraph!.cy;
        const node = cy.getElementById(id);
        if (!node.hasClass('hovered'))
          throw new Error(`hovered: ${cy.nodes('.hovered').map((n) => n.id())}, not ${id}`);
        const neighbour = node.neighborhood('node')[0];
        const other = cy.nodes().not(node.closedNeighborhood())[0];
        return { neighbour: neighbour.classes(), other: other.classes() };
      }, hub.id);
      expect(classes.neighbour).toContain('near');
      expect(classes.other).toContain('faded');
      await saveScreenshot(page, 'hover-300');
      await page.mouse.move(5, 5);
      await page.locator('[data-testid=node-tip]').waitFor({ state: 'detached' });

      // Size spans the drawn weights: the heaviest node is the biggest, the lightest the smallest.
      const sizes = await page.evaluate(() => {
        const nodes = window.__newsgraph!.cy.nodes();
        const heaviest = nodes.max((n) => Number(n.data('weight'))).ele;
        const lightest = nodes.min((n) => Number(n.data('weight'))).ele;
        return {
          heaviest: heaviest.width(),
          lightest: lightest.width(),
          widest: nodes.max((n) => n.width()).value,
        };
      });
      expect(sizes.heaviest).toBe(sizes.widest);
      expect(sizes.heaviest - sizes.lightest).toBeGreaterThanOrEqual(30);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'places an expanded node’s new neighbours off its label',
    async () => {
      const { search } = await explorer.gql<{ search: { id: string; label: string }[] }>(
        '{ search(query: "Huawei", types: ["Company"], limit: 1) { id label } }',
      );
      await openView([search[0].id]);
      const hub = search[0].id;
      await page.getByRole('button', { name: 'Fit' }).click();
      await waitForIdle(page, 30_000);
      await doubleClickNode(page, hub);
      await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length > 1, undefined, { timeout: 60_000 });
      await waitForIdle(page, 30_000);
      const overlapping = await page.evaluate((id) => {
        const cy = window.__newsgraph!.cy;
        const node = cy.getElementById(id);
        const body = node.boundingBox({ includeLabels: false });
        const full = node.boundingBox({ includeLabels: true });
        const label = { x1: full.x1, x2: full.x2, y1: body.y2, y2: full.y2 };
        return cy
          .nodes()
          .not(node)
          .filter((n) => {
            const b = n.boundingBox({ includeLabels: false });
            return b.x1 < label.x2 && b.x2 > label.x1 && b.y1 < label.y2 && b.y2 > label.y1;
          })
          .map((n) => n.data('name') as string);
      }, hub);
      expect(overlapping).toEqual([]);
      await page.mouse.move(5, 5);
      await saveScreenshot(page, 'expand-clear-label');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'labels events with what happened; double-clicking one, or adding it from search, draws its participants',
    async () => {
      const { timeline } = await explorer.gql<{
        timeline: { id: string; summary: string; participants: { id: string }[] }[];
      }>('{ timeline { id summary participants { id } } }');
      const event = timeline.find((e) => e.participants.length >= 2 && e.summary.split(' ').length >= 3)!;
      expect(event, 'the articles hold an event with two participants').toBeDefined();
      const participants = event.participants.map((p) => p.id).sort();

      await openView([event.id]);
      const caption = await page.evaluate(
        (id) => window.__newsgraph!.cy.getElementById(id).data('caption') as string,
        event.id,
      );
      expect(caption.split('\n')[0].replace('…', '')).toBe(
        event.summary.slice(0, caption.split('\n')[0].replace('…', '').length),
      );
      // Double-click the label (below the small diamond), where a reader aims.
      const centre = await nodeScreenPosition(page, event.id);
      const below = await page.evaluate(
        (id) => window.__newsgraph!.cy.getElementById(id).renderedOuterHeight() / 2 + 8,
        event.id,
      );
      await page.mouse.dblclick(centre.x, centre.y + below);
      await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length > 1, undefined, { timeout: 60_000 });
      await waitForIdle(page, 30_000);
      const drawn = await page.evaluate(() => window.__newsgraph!.cy.nodes().map((n) => n.id()));
      expect(drawn).toEqual(expect.arrayContaining(participants));
      await page.mouse.move(5, 5);
      await saveScreenshot(page, 'event-expanded');

      // From search: the event arrives with its participants, tied to it.
      await page.click('[data-testid=clear-canvas]');
      await page.fill('[data-testid=search] input', event.summary.split(' ').slice(0, 4).join(' '));
      await page.click(`[data-testid=search-results] [data-testid=search-hit][data-id="${event.id}"]`);
      await page.waitForFunction((n) => window.__newsgraph!.cy.nodes().length >= n, participants.length + 1, {
        timeout: 60_000,
      });
      await waitForIdle(page, 30_000);
      const tied = await page.evaluate(
        (id) =>
          window
            .__newsgraph!.cy.getElementById(id)
            .neighborhood('node')
            .map((n) => n.id()),
        event.id,
      );
      expect(tied.sort()).toEqual(expect.arrayContaining(participants));
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    expect(explorer.errors).toEqual([]);
  });
});
