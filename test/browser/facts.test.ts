// Browser tests of "typed facts first": co-mentions off by default, expand ranks facts first and counts the rest,
// the co-mention toggle re-lays out around pinned nodes, paths leave co-mentions out unless they are on.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedExplorer, openExplorer, SETUP_TIMEOUT_MS, STEP_TIMEOUT_MS } from './helpers/app.ts';
import { allEdges, clickNode, doubleClickNode, visibleNodeIds, waitForIdle } from './helpers/canvas.ts';
import { recordOperations } from './helpers/operations.ts';
import { saveScreenshot } from './helpers/screenshots.ts';

/** The explorer's default expand: every label but Article, 25 neighbours. */
const EXPAND_TYPES = ['Person', 'Company', 'Government', 'Organization', 'Place', 'Event'];

let explorer: OpenedExplorer;
let page: Page;
let hub: { id: string; name: string };

/** Positions of every node, rounded to the pixel. */
function positions(): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      window.__newsgraph!.cy.nodes().map((n) => [n.id(), { x: n.position('x'), y: n.position('y') }] as const),
    ),
  );
}

async function cypher<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await explorer.driver.executeQuery(query, params);
  return result.records.map((r) => r.toObject() as T);
}

beforeAll(async () => {
  explorer = await openExplorer({
    prepare: async (app) => {
      // The most connected entity of the seeds, counting relations to other entities.
      const { records } = await app.driver.executeQuery(
        'MATCH (e:Entity)-[r]-(:Entity) RETURN e.id AS id, e.name AS name, count(r) AS degree ORDER BY degree DESC, id LIMIT 1',
      );
      hub = records[0].toObject() as { id: string; name: string };
      return `/#n=${encodeURIComponent(hub.id)}`;
    },
    ready: async (page) => {
      await page.waitForFunction(() => window.__newsgraph?.cy.nodes().length === 1, undefined, { timeout: 30_000 });
      await waitForIdle(page);
    },
  });
  page = explorer.page;
}, SETUP_TIMEOUT_MS);

afterAll(() => explorer?.close());

describe('typed facts first', () => {
  it(
    'expands the most connected entity without co-mentions: every neighbour drawn has a fact, the rest are counted',
    async () => {
      const operations = await recordOperations(page, async () => {
        await doubleClickNode(page, hub.id);
        await page.waitForFunction(() => window.__newsgraph!.cy.nodes().length > 1, undefined, { timeout: 60_000 });
        await waitForIdle(page);
      });
      const expands = operations.filter((o) => o.name === 'Neighborhood' && o.variables.drawn);
      expect(expands).toHaveLength(1);
      expect(expands[0].variables.followCoMentions).toBe(false);

      const edges = await allEdges(page);
      expect(
        edges.filter((e) => e.visible && e.type === 'CO_MENTIONED'),
        'no co-mention edge is drawn',
      ).toEqual([]);
      const neighbours = (await visibleNodeIds(page)).filter((id) => id !== hub.id);
      expect(neighbours.length).toBeGreaterThan(0);
      for (const id of neighbours) {
        const fact = edges.find(
          (e) =>
            e.visible &&
            e.type !== 'CO_MENTIONED' &&
            ((e.source === hub.id && e.target === id) || (e.target === hub.id && e.source === id)),
        );
        expect(fact, `${id} is tied to ${hub.name} by a drawn fact`).toBeDefined();
      }

      // What was not drawn is counted on the node: past the limit, plus neighbours only co-mentioned.
      const { neighborhood } = await explorer.gql<{
        neighborhood: { truncated: boolean; remaining: number; coMentionOnly: number };
      }>(
        'query($id: ID!, $types: [String!]) { neighborhood(ids: [$id], types: $types, limit: 25, followCoMentions: false) { truncated remaining coMentionOnly } }',
        { id: hub.id, types: EXPAND_TYPES },
      );
      expect(
        neighborhood.coMentionOnly,
        'the seeds co-mention the hub with entities it has no fact with',
      ).toBeGreaterThan(0);
      const more = await page.evaluate(
        (id) => window.__newsgraph!.cy.getElementById(id).data('more') as number,
        hub.id,
      );
      expect(more).toBe(
        (neighborhood.truncated ? Math.max(1, neighborhood.remaining) : 0) + neighborhood.coMentionOnly,
      );
      const caption = await page.evaluate(
        (id) => window.__newsgraph!.cy.getElementById(id).data('caption') as string,
        hub.id,
      );
      expect(caption).toContain(`+${more} more`);
      await saveScreenshot(page, 'facts-first');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'switching co-mentions on draws them faint and thin and lays the drawing out again, pinned nodes staying put',
    async () => {
      await clickNode(page, hub.id);
      await page.click('[data-testid=pin]');
      const before = await positions();
      await page.click('[data-testid=filter-co-mentions] input');
      await page.waitForFunction(
        () => window.__newsgraph!.cy.edges('[type = "CO_MENTIONED"]').filter((e) => !e.hasClass('filtered')).length > 0,
      );
      await waitForIdle(page);
      const after = await positions();
      expect(Math.abs(after[hub.id].x - before[hub.id].x)).toBeLessThan(1);
      expect(Math.abs(after[hub.id].y - before[hub.id].y)).toBeLessThan(1);
      const moved = Object.keys(before).filter(
        (id) => Math.hypot(after[id].x - before[id].x, after[id].y - before[id].y) > 2,
      );
      expect(moved.length, 'the layout ran again after the filter change').toBeGreaterThan(0);

      const style = await page.evaluate(() => {
        const cy = window.__newsgraph!.cy;
        const co = cy.edges('[type = "CO_MENTIONED"]').filter((e) => !e.hasClass('filtered'))[0];
        const fact = cy.edges('[type != "CO_MENTIONED"]').filter((e) => !e.hasClass('filtered'))[0];
        return {
          co: { width: co.numericStyle('width'), opacity: co.numericStyle('opacity') },
          fact: { width: fact.numericStyle('width'), opacity: fact.numericStyle('opacity') },
        };
      });
      expect(style.co.width).toBeLessThan(style.fact.width);
      expect(style.co.opacity).toBeLessThan(style.fact.opacity);
      await saveScreenshot(page, 'co-mentions-on');

      // With co-mentions on, the next expand also brings the neighbours tied only by them.
      const count = (await visibleNodeIds(page)).length;
      await doubleClickNode(page, hub.id);
      await page.waitForFunction((n) => window.__newsgraph!.cy.nodes().length > n, count, { timeout: 60_000 });
      await waitForIdle(page);
      expect(await page.evaluate(() => new URL(window.location.href).hash)).toContain('cm=1');

      // Off again: the co-mention edges are hidden, the nodes stay.
      await page.click('[data-testid=filter-co-mentions] input');
      await waitForIdle(page);
      expect((await allEdges(page)).filter((e) => e.visible && e.type === 'CO_MENTIONED')).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'finds paths through typed relations only, unless co-mentions are on',
    async () => {
      // A pair of entities the seeds only co-mention: no typed path between them within 4 hops.
      const pairs = await cypher<{ a: string; an: string; b: string; bn: string }>(
        `MATCH (a:Entity)-[:CO_MENTIONED]-(b:Entity) WHERE a.id < b.id
         RETURN a.id AS a, a.name AS an, b.id AS b, b.name AS bn ORDER BY a.id, b.id LIMIT 40`,
      );
      let pair: (typeof pairs)[number] | undefined;
      for (const p of pairs) {
        const { paths } = await explorer.gql<{ paths: { nodes: unknown[] } }>(
          'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxDepth: 4) { nodes { id } } }',
          { a: p.a, b: p.b },
        );
        if (paths.nodes.length === 0) {
          pair = p;
          break;
        }
      }
      expect(pair, 'some co-mentioned pair has no typed path within 4 hops').toBeDefined();
      const { a, an, b, bn } = pair!;

      await page.click('[data-testid=clear-canvas]');
      await page.fill('[data-testid=path-from-search] input', an);
      await page.click(`[data-testid=path-from-search-results] [data-testid=search-hit][data-id="${a}"]`);
      await page.fill('[data-testid=path-to-search] input', bn);
      await page.click(`[data-testid=path-to-search-results] [data-testid=search-hit][data-id="${b}"]`);
      expect(await page.innerText('[data-testid=path-through]')).toMatch(/co-mentions are off/);
      await page.click('[data-testid=path-find]');
      await expect(page.locator('[data-testid=path-message]').innerText()).resolves.toMatch(/No path/);

      await page.click('[data-testid=filter-co-mentions] input');
      await page.click('[data-testid=path-find]');
      await expect(page.locator('[data-testid=path-message]').innerText()).resolves.toMatch(/Shortest paths drawn/);
      await waitForIdle(page);
      const pathEdges = (await allEdges(page)).filter((e) => e.classes.includes('path'));
      expect(pathEdges.map((e) => e.type)).toContain('CO_MENTIONED');
      await saveScreenshot(page, 'paths-co-mentions');
      await page.click('[data-testid=filter-co-mentions] input');
    },
    STEP_TIMEOUT_MS,
  );

  it('raised no unexpected errors in the page', () => {
    expect(explorer.errors).toEqual([]);
  });
});
