// Page-side helpers for the cytoscape canvas: read what is drawn, find a node on screen, wait for layouts to settle.
import type { Page } from 'playwright-core';

export interface DrawnElement {
  id: string;
  classes: string[];
  visible: boolean;
}

/** Node ids drawn (not filtered or hidden). */
export function visibleNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__newsgraph!.cy.nodes()
      .filter((n) => !n.hasClass('filtered'))
      .map((n) => n.id()),
  );
}

export function allNodes(page: Page): Promise<DrawnElement[]> {
  return page.evaluate(() =>
    window.__newsgraph!.cy.nodes().map((n) => ({ id: n.id(), classes: n.classes(), visible: !n.hasClass('filtered') })),
  );
}

export function allEdges(page: Page): Promise<(DrawnElement & { source: string; target: string; type: string })[]> {
  return page.evaluate(() =>
    window.__newsgraph!.cy.edges().map((e) => ({
      id: e.id(),
      classes: e.classes(),
      visible: !e.hasClass('filtered'),
      source: e.source().id(),
      target: e.target().id(),
      type: e.data('type') as string,
    })),
  );
}

/** Waits until no node moves between two samples (fcose animations finished). */
export async function waitForStableLayout(page: Page, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  let previous = '';
  while (Date.now() - started < timeoutMs) {
    const snapshot = await page.evaluate(
      () =>
        `${window
          .__newsgraph!.cy.nodes()
          .map((n) => `${n.id()}:${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)
          .join('|')}@${window.__newsgraph!.cy.zoom().toFixed(3)}`,
    );
    if (snapshot === previous) return;
    previous = snapshot;
    await page.waitForTimeout(300);
  }
  throw new Error('the canvas layout did not settle');
}

/** Waits until no request is pending (the busy marker is gone) and the layout has settled. */
export async function waitForIdle(page: Page, layoutTimeoutMs?: number): Promise<void> {
  await page.waitForSelector('[data-testid=busy]', { state: 'detached', timeout: 60_000 });
  await waitForStableLayout(page, layoutTimeoutMs);
}

/** Page coordinates of a node's centre, after bringing it into view. */
export async function nodeScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  await waitForStableLayout(page);
  const inView = await page.evaluate((nodeId) => {
    const cy = window.__newsgraph!.cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return false;
    const p = node.renderedPosition();
    if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) cy.center(node);
    return true;
  }, id);
  if (!inView) throw new Error(`node ${id} is not on the canvas`);
  const rendered = await page.evaluate(
    (nodeId) => window.__newsgraph!.cy.getElementById(nodeId).renderedPosition(),
    id,
  );
  const box = await page.locator('[data-testid=canvas]').boundingBox();
  if (!box) throw new Error('canvas not visible');
  return { x: box.x + rendered.x, y: box.y + rendered.y };
}

export async function clickNode(page: Page, id: string): Promise<void> {
  const p = await nodeScreenPosition(page, id);
  await page.mouse.click(p.x, p.y);
}

export async function doubleClickNode(page: Page, id: string): Promise<void> {
  const p = await nodeScreenPosition(page, id);
  await page.mouse.dblclick(p.x, p.y);
}
