// The render bench's page in headless Chromium: 2,000 elements are drawn, laid out and panned frame by frame. The
// timings themselves (the 2 s layout and 33 ms frame floors) belong to `npm run bench -- render`, which reports them
// with the machine's load; a test on a shared machine cannot hold a wall-clock figure without failing at random.
import { describe, expect, it } from 'vitest';
import { FLOOR_ELEMENTS, measureRender } from '../../bench/render.ts';
import { screenshotsDir } from './helpers/screenshots.ts';

describe('canvas rendering', () => {
  it(`draws, lays out and pans ${FLOOR_ELEMENTS} elements`, async () => {
    const {
      measurements: [result],
    } = await measureRender([FLOOR_ELEMENTS], ['canvas'], screenshotsDir());
    console.log(`[render] ${JSON.stringify(result)}`);
    expect(result.nodes + result.edges).toBe(FLOOR_ELEMENTS);
    expect(result.frames).toBeGreaterThan(20);
    expect(Number.isFinite(result.layoutMs) && result.layoutMs > 0).toBe(true);
    expect(Number.isFinite(result.medianFrameMs) && result.medianFrameMs > 0).toBe(true);
  }, 180_000);
});
