// Creating the cytoscape instance and adapting it to graph size: shared by the canvas and the render benchmark.
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { nodeSizeScale } from './elements.ts';
import type { RendererKind } from './renderer.ts';
import { buildStylesheet, LARGE_GRAPH_ELEMENTS } from './style.ts';

cytoscape.use(fcose);

/** Cytoscape options for the explorer (each differs from cytoscape's default for a reason). */
export const CYTOSCAPE_OPTIONS = Object.freeze({
  // Default wheel zoom jumps too far per notch on mice with fine wheels.
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 4,
  // Dragging the background pans; there is no multi-select gesture to conflict with.
  boxSelectionEnabled: false,
  selectionType: 'single' as const,
});

/** `renderer` 'webgl': cytoscape's canvas renderer with its WebGL mode (a preview since cytoscape 3.31). */
export function createCytoscape(container: HTMLElement | null, renderer: RendererKind = 'canvas'): Core {
  return cytoscape({
    container,
    style: buildStylesheet({ large: false }) as unknown as cytoscape.StylesheetJson,
    ...CYTOSCAPE_OPTIONS,
    // The typings do not know the WebGL option yet.
    ...(renderer === 'webgl' ? ({ renderer: { name: 'canvas', webgl: true } } as object) : {}),
  });
}

/** The WebGL implementation the browser offers (e.g. "ANGLE (… SwiftShader …)"), or null when it has none. */
export function webglRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

const largeState = new WeakMap<Core, boolean>();

/**
 * Switches between the normal and the large-graph setup when the element count crosses
 * LARGE_GRAPH_ELEMENTS: haystack edges without labels, and while the user pans or zooms a cached
 * bitmap of the nodes with edges hidden (cytoscape's textureOnViewport / hideEdgesOnViewport).
 */
export function adaptToSize(cy: Core): void {
  const large = cy.elements().length > LARGE_GRAPH_ELEMENTS;
  if ((largeState.get(cy) ?? false) === large) return;
  largeState.set(cy, large);
  cy.style(buildStylesheet({ large }) as unknown as cytoscape.StylesheetJson);
  // These renderer options are normally fixed at start-up; the renderer reads them on every
  // frame, so switching them when the graph crosses the threshold is safe.
  const renderer = (cy as unknown as { renderer: () => Record<string, unknown> }).renderer();
  renderer.textureOnViewport = large;
  renderer.hideEdgesOnViewport = large;
}

/** Sets every node's `size` from its weight's place among the drawn (not filtered) nodes' weights. */
export function applyNodeSizes(cy: Core): void {
  const drawn = cy.nodes().not('.filtered');
  const size = nodeSizeScale(drawn.map((n) => Number(n.data('weight')) || 1));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const px = size(Number(n.data('weight')) || 1);
      if (n.data('size') !== px) n.data('size', px);
    });
  });
}
