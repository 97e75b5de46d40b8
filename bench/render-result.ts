// Folds the explorer's render benchmark (bench/render.ts, the client's) into the benchmark results.
import { rendererFor, WEBGL_MIN_ELEMENTS } from '../client/graph/renderer.ts';
import { FLOOR_ELEMENTS, FLOOR_FRAME_MS, FLOOR_LAYOUT_MS, layoutRuns, measureRender } from './render.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

export const RENDER_SIZES = [2000, 5000, 20000];
/** Issue 16 item 3: at this size the renderer the explorer chooses must pan with a p95 frame ≤ FLOOR_FRAME_MS. */
export const FLOOR_P95_ELEMENTS = 5000;

export async function benchRender(): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const { measurements, webgl } = await measureRender(RENDER_SIZES);
  const figures: Figure[] = measurements.flatMap((m) => {
    const chosen = rendererFor(m.elements, webgl !== null) === m.renderer;
    const mark = chosen ? ', the explorer’s choice' : '';
    return [
      {
        label: `${m.renderer} ${m.elements} elements (${m.nodes} nodes, ${m.edges} edges): layout, best of ${layoutRuns(m.elements)}${mark}`,
        value: m.layoutMs,
        unit: 'ms',
        ...(chosen && m.elements === FLOOR_ELEMENTS ? { floor: { atMost: FLOOR_LAYOUT_MS } } : {}),
      },
      {
        label: `${m.renderer} ${m.elements} elements: median frame while panning${mark}`,
        value: m.medianFrameMs,
        unit: 'ms',
        ...(chosen && m.elements === FLOOR_ELEMENTS ? { floor: { atMost: FLOOR_FRAME_MS } } : {}),
      },
      {
        label: `${m.renderer} ${m.elements} elements: p95 frame while panning${mark}`,
        value: m.p95FrameMs,
        unit: 'ms',
        ...(chosen && m.elements === FLOOR_P95_ELEMENTS ? { floor: { atMost: FLOOR_FRAME_MS } } : {}),
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
    params: {
      sizes: RENDER_SIZES,
      renderers: [...new Set(measurements.map((m) => m.renderer))],
      webgl: webgl ?? 'not available',
      webglMinElements: Number.isFinite(WEBGL_MIN_ELEMENTS) ? WEBGL_MIN_ELEMENTS : 'never',
      browser: 'headless Chromium (playwright-core, /usr/bin/chromium)',
    },
    figures,
    details: measurements,
    notes: [
      "measured by bench/render.ts (client/bench.ts: the explorer's own Cytoscape setup on synthetic elements)",
      "webgl = cytoscape's renderer { name: 'canvas', webgl: true }; headless Chromium here has no GPU, its WebGL is SwiftShader on the CPU",
    ],
  };
}
