// Render benchmark: time-to-layout and frame times while panning, for synthetic graphs of given sizes, with cytoscape's
// canvas renderer and its WebGL one, in headless Chromium with the explorer's own cytoscape setup (client/bench.ts).
// Run: npx tsx bench/render.ts [sizes...]   e.g. npx tsx bench/render.ts 2000 5000 20000

import type { RendererKind } from '../client/graph/renderer.ts';
import { type LaunchedBrowser, launchBrowser } from '../test/browser/helpers/browser.ts';
import { DIST_CLIENT, ensureClientBuilt } from '../test/browser/helpers/build.ts';
import { serveStatic } from '../test/browser/helpers/static.ts';

/** Floors from the issue: 2,000 elements laid out within 2 s and panned at ≤ 33 ms per frame. */
export const FLOOR_ELEMENTS = 2000;
export const FLOOR_LAYOUT_MS = 2000;
export const FLOOR_FRAME_MS = 33;
const PAN_DURATION_MS = 2500;

export interface RenderMeasurement {
  renderer: RendererKind;
  elements: number;
  nodes: number;
  edges: number;
  /** From adding the elements to the first frame of the laid-out graph. */
  layoutMs: number;
  /** Of which: adding elements + style, and the fcose run itself. */
  addMs: number;
  fcoseMs: number;
  medianFrameMs: number;
  p95FrameMs: number;
  /** Mean over the pan: total time / frames, which also counts stalls the median hides. */
  meanFrameMs: number;
  frames: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Draws per size; the fastest layout is kept, since on a shared machine other load only ever adds time. */
export const LAYOUT_RUNS = 3;
/** Above this many elements one draw per size and renderer: an fcose run of 10,000 nodes takes most of a minute. */
const SINGLE_RUN_ABOVE_ELEMENTS = 5000;

export function layoutRuns(elements: number): number {
  return elements > SINGLE_RUN_ABOVE_ELEMENTS ? 1 : LAYOUT_RUNS;
}

export const RENDERERS: readonly RendererKind[] = ['canvas', 'webgl'];

export interface RenderRun {
  measurements: RenderMeasurement[];
  /** The browser's WebGL implementation (headless Chromium here: SwiftShader, on the CPU), or null without one. */
  webgl: string | null;
}

/**
 * Every size with every renderer (WebGL skipped when the browser has none). `screenshotDir`: also save
 * `render-<n>.png` of each canvas-drawn graph (the docs keep the 2,000 one).
 */
export async function measureRender(
  sizes: number[],
  renderers: readonly RendererKind[] = RENDERERS,
  screenshotDir?: string,
): Promise<RenderRun> {
  await ensureClientBuilt();
  const server = await serveStatic(DIST_CLIENT);
  const browser = await launchBrowser({ width: 1280, height: 800 });
  const results: RenderMeasurement[] = [];
  let webgl: string | null = null;
  try {
    const { page } = browser;
    await page.goto(`${server.url}/bench.html`);
    await page.waitForFunction(() => Boolean(window.bench));
    webgl = await page.evaluate(() => window.bench!.webgl());
    for (const elements of sizes) {
      for (const renderer of renderers) {
        if (renderer === 'webgl' && !webgl) continue;
        results.push(await measureOne(page, elements, renderer, screenshotDir));
      }
    }
    const pageErrors = browser.errors.filter((e) => !/favicon/.test(e));
    if (pageErrors.length > 0) throw new Error(`benchmark page reported errors:\n${pageErrors.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return { measurements: results, webgl };
}

async function measureOne(
  page: LaunchedBrowser['page'],
  elements: number,
  renderer: RendererKind,
  screenshotDir: string | undefined,
): Promise<RenderMeasurement> {
  const draw = () => page.evaluate(([n, r]) => window.bench!.draw(n, r), [elements, renderer] as const);
  let drawn = await draw();
  for (let run = 1; run < layoutRuns(elements); run++) {
    const again = await draw();
    if (again.layoutMs < drawn.layoutMs) drawn = again;
  }
  await page.waitForTimeout(300);
  if (screenshotDir && renderer === 'canvas')
    await page.screenshot({ path: `${screenshotDir}/render-${elements}.png` });
  // Pan the way a user does: drag the bare background with the mouse, in a slow circle. Starting on a node would
  // drag that node instead (full redraws every frame), which is what this loop measured before it looked for a gap.
  const start = await page.evaluate(() => window.bench!.emptyPoint());
  if (!start) throw new Error(`no bare background to start a pan on at ${elements} elements`);
  const before = await page.evaluate(() => window.bench!.viewState());
  await page.evaluate(() => window.bench!.startFrames());
  const started = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  let step = 0;
  while (Date.now() - started < PAN_DURATION_MS) {
    const angle = step / 10;
    await page.mouse.move(start.x + 150 * Math.sin(angle), start.y + 120 * (1 - Math.cos(angle)), { steps: 2 });
    step++;
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.bench!.stopFrames());
  const after = await page.evaluate(() => window.bench!.viewState());
  if (after.pan.x === before.pan.x && after.pan.y === before.pan.y)
    throw new Error(`the drag at ${elements} elements (${renderer}) did not pan the view`);
  if (after.node.x !== before.node.x || after.node.y !== before.node.y)
    throw new Error(`the drag at ${elements} elements (${renderer}) moved a node instead of panning`);
  return {
    renderer,
    elements,
    nodes: drawn.nodes,
    edges: drawn.edges,
    layoutMs: Math.round(drawn.layoutMs),
    addMs: Math.round(drawn.addMs),
    fcoseMs: Math.round(drawn.fcoseMs),
    medianFrameMs: Number(percentile(frames, 50).toFixed(1)),
    p95FrameMs: Number(percentile(frames, 95).toFixed(1)),
    meanFrameMs: Number((frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length)).toFixed(1)),
    frames: frames.length,
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const { measurements: results, webgl } = await measureRender(sizes.length > 0 ? sizes : [2000, 5000, 20000]);
  console.log(`WebGL: ${webgl ?? 'not available'}`);
  console.log(
    `layout: best of ${LAYOUT_RUNS} draws (1 above ${SINGLE_RUN_ABOVE_ELEMENTS} elements); frames: a ${PAN_DURATION_MS} ms mouse-drag pan of the last draw`,
  );
  console.log(
    'renderer  elements  nodes  edges  layout ms (add + fcose)  median frame ms  p95 frame ms  mean frame ms  frames',
  );
  for (const r of results) {
    console.log(
      `${r.renderer.padEnd(8)}  ${String(r.elements).padStart(8)}  ${String(r.nodes).padStart(5)}  ${String(r.edges).padStart(5)}  ${`${r.layoutMs} (${r.addMs} + ${r.fcoseMs})`.padStart(23)}  ${String(r.medianFrameMs).padStart(15)}  ${String(r.p95FrameMs).padStart(12)}  ${String(r.meanFrameMs).padStart(13)}  ${String(r.frames).padStart(6)}`,
    );
  }
}
