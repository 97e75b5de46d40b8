// Which cytoscape renderer draws a canvas of a given size: the one place the WebGL threshold lives.
export type RendererKind = 'canvas' | 'webgl';

/**
 * From this many elements (nodes + edges) on, the explorer draws with cytoscape's WebGL renderer; below it, with
 * the 2D canvas one (sharper labels, exact edge picking). Chosen from `npm run bench -- render` (BENCHMARKS.md).
 */
export const WEBGL_MIN_ELEMENTS = Number.POSITIVE_INFINITY;

/** The renderer for `elements` elements, given whether the browser offers WebGL 2 at all. */
export function rendererFor(elements: number, webglAvailable: boolean): RendererKind {
  return webglAvailable && elements >= WEBGL_MIN_ELEMENTS ? 'webgl' : 'canvas';
}
