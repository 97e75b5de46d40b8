// Folds the explorer's render benchmark (bench/render.ts, the client's) into the benchmark results.
import { FLOOR_ELEMENTS, FLOOR_FRAME_MS, FLOOR_LAYOUT_MS, LAYOUT_RUNS, measureRender } from './render.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

export const RENDER_SIZES = [500, 2000, 5000];

export async function benchRender(): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const measured = await measureRender(RENDER_SIZES);
  const figures: Figure[] = measured.flatMap((m) => {
    const floor = m.elements === FLOOR_ELEMENTS;
    return [
      {
        label: `${m.elements} elements (${m.nodes} nodes, ${m.edges} edges): layout, best of ${LAYOUT_RUNS}`,
        value: m.layoutMs,
        unit: 'ms',
        ...(floor ? { floor: { atMost: FLOOR_LAYOUT_MS } } : {}),
      },
      {
        label: `${m.elements} elements: median frame while panning (p95 ${m.p95FrameMs} ms)`,
        value: m.medianFrameMs,
        unit: 'ms',
        ...(floor ? { floor: { atMost: FLOOR_FRAME_MS } } : {}),
      },
    ];
  });
  return {
    name: 'render',
    command: 'npm run bench -- render',
    startedAt,
    seconds: Math.round((performance.now() - t0) / 1000),
    loadStart,
    loadEnd: load(),
    machine: machine(),
    params: { sizes: RENDER_SIZES, browser: 'headless Chromium (playwright-core, /usr/bin/chromium)' },
    figures,
    details: measured,
    notes: ["measured by bench/render.ts (client/bench.ts: the explorer's own Cytoscape setup on synthetic elements)"],
  };
}
