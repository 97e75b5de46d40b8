// Render benchmark harness: draws synthetic graphs with the explorer's cytoscape setup and records frame times.
import type { Core } from 'cytoscape';
import type { GraphEdge, GraphNode } from './api/types.ts';
import { NODE_LABELS } from './api/types.ts';
import { adaptToSize, createCytoscape, webglRenderer } from './graph/cy.ts';
import { toElements } from './graph/elements.ts';
import { runFullLayout } from './graph/layout.ts';
import type { RendererKind } from './graph/renderer.ts';

/** Deterministic pseudo-random numbers so every run draws the same graph. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A news-like graph: clusters around hub entities, half nodes and half edges. */
export function syntheticGraph(elements: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const random = rng(elements);
  const nodeCount = Math.max(2, Math.round(elements / 2));
  const edgeCount = elements - nodeCount;
  const nodes: GraphNode[] = Array.from({ length: nodeCount }, (_, i) => ({
    id: `n${i}`,
    label: NODE_LABELS[Math.floor(random() * NODE_LABELS.length)],
    name: `Entity ${i}`,
    weight: 1 + Math.floor(random() ** 3 * 20),
  }));
  const edges: GraphEdge[] = [];
  const types = ['EMPLOYED_BY', 'SANCTIONS', 'PARTNERS_WITH', 'CO_MENTIONED', 'PARTICIPATES_IN'];
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++) {
    // Preferential attachment to earlier nodes gives hubs, like real news graphs.
    const j = Math.floor(random() ** 2 * i);
    edges.push({
      id: `e${edges.length}`,
      source: `n${i}`,
      target: `n${j}`,
      type: types[edges.length % types.length],
      support: 1 + Math.floor(random() * 4),
    });
  }
  while (edges.length < edgeCount) {
    const a = Math.floor(random() * nodeCount);
    const b = Math.floor(random() * nodeCount);
    if (a !== b)
      edges.push({
        id: `e${edges.length}`,
        source: `n${a}`,
        target: `n${b}`,
        type: types[edges.length % types.length],
        support: 1,
      });
  }
  return { nodes, edges };
}

let cy: Core | null = null;
let frames: number[] = [];
let recording = false;

function frameLoop(last: number) {
  requestAnimationFrame((now) => {
    if (recording) frames.push(now - last);
    if (recording) frameLoop(now);
  });
}

const bench = {
  /** Draws a synthetic graph of `elements` elements with `renderer` and returns the layout time in ms. */
  async draw(
    elements: number,
    renderer: RendererKind = 'canvas',
  ): Promise<{ nodes: number; edges: number; layoutMs: number; addMs: number; fcoseMs: number }> {
    cy?.destroy();
    cy = createCytoscape(document.getElementById('cy'), renderer);
    const { nodes, edges } = syntheticGraph(elements);
    const t0 = performance.now();
    cy.add(toElements(nodes, edges) as never);
    adaptToSize(cy);
    const t1 = performance.now();
    await runFullLayout(cy).done;
    const t2 = performance.now();
    // Wait for the first frame so the time includes drawing the laid-out graph.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return {
      nodes: nodes.length,
      edges: edges.length,
      layoutMs: performance.now() - t0,
      addMs: t1 - t0,
      fcoseMs: t2 - t1,
    };
  },
  /** The browser's WebGL implementation, or null: the bench reports it beside the WebGL figures. */
  webgl: webglRenderer,
  /**
   * A point of bare background in page coordinates, nearest the canvas centre: where a drag pans the view rather
   * than grabbing a node. Null when nodes cover every point of the grid searched.
   */
  emptyPoint(): { x: number; y: number } | null {
    if (!cy) return null;
    const box = cy.container()!.getBoundingClientRect();
    const clearance = 12;
    const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
    const free = (x: number, y: number) =>
      boxes.every((b) => x < b.x1 - clearance || x > b.x2 + clearance || y < b.y1 - clearance || y > b.y2 + clearance);
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let x = 20; x < box.width - 20; x += 10)
      for (let y = 20; y < box.height - 20; y += 10)
        candidates.push({ x, y, d: (x - box.width / 2) ** 2 + (y - box.height / 2) ** 2 });
    candidates.sort((a, b) => a.d - b.d);
    const hit = candidates.find((c) => free(c.x, c.y));
    return hit ? { x: box.left + hit.x, y: box.top + hit.y } : null;
  },
  /** The viewport's pan and the first node's position: the bench checks a drag moved the one and not the other. */
  viewState(): { pan: { x: number; y: number }; node: { x: number; y: number } } {
    return { pan: { ...cy!.pan() }, node: { ...cy!.nodes()[0].position() } };
  },
  /** The live instance, for ad-hoc profiling from the devtools console. */
  cy: () => cy,
  startFrames(): void {
    frames = [];
    recording = true;
    frameLoop(performance.now());
  },
  stopFrames(): number[] {
    recording = false;
    return frames.slice(1);
  },
};

declare global {
  interface Window {
    bench?: typeof bench;
  }
}
window.bench = bench;
