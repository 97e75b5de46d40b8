// fcose layouts: a full layout for a fresh canvas, and an incremental one that keeps existing nodes where they are.
import type { Collection, Core, NodeCollection, NodeSingular, Position } from 'cytoscape';

/** Node count above which animation is skipped: moving thousands of nodes per frame costs more than it shows. */
export const ANIMATE_MAX_NODES = 250;
/** Node count above which fcose runs its fast spectral pass only ("draft"). */
export const DRAFT_QUALITY_MIN_NODES = 4000;
/** Up to this many drawn nodes, an incremental layout lets all of them repel the new ones. */
export const INCREMENTAL_ALL_NODES_MAX = 600;
/** Node count above which the force refinement runs fewer iterations (so 1,000 nodes stay within the render floor). */
export const FEWER_ITERATIONS_MIN_NODES = 500;

export const LAYOUT_DEFAULTS = Object.freeze({
  name: 'fcose',
  // Spectral start + force refinement; good shapes for news graphs of a few hundred nodes.
  quality: 'default',
  // Ideal edge length in model px: room for a label on each edge.
  idealEdgeLength: 90,
  // Repulsion keeps labels apart; fcose's default 4500 packs labelled nodes too tightly.
  nodeRepulsion: 9000,
  // Separation between nodes in the spectral step.
  nodeSeparation: 90,
  // Lay out disconnected pieces side by side instead of letting them drift apart.
  tile: true,
  // Padding around the fitted graph, in screen px.
  padding: 40,
  // Count labels as part of each node so long names do not overlap their neighbours.
  nodeDimensionsIncludeLabels: true,
  animationDuration: 450,
});

export interface RunningLayout {
  done: Promise<void>;
  stop: () => void;
}

function run(eles: Collection, options: Record<string, unknown>): RunningLayout {
  const layout = eles.layout(options as unknown as Parameters<Collection['layout']>[0]);
  const done = new Promise<void>((resolve) => {
    layout.one('layoutstop', () => resolve());
  });
  layout.run();
  return { done, stop: () => layout.stop() };
}

function pinnedConstraints(nodes: NodeCollection): { nodeId: string; position: Position }[] {
  return nodes.filter('.pinned').map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
}

/** Above this many elements, fitting ignores label extents. */
export const LABELLED_FIT_MAX_ELEMENTS = 800;

/** Fitting a handful of nodes would blow them up to poster size; beyond this zoom the view stays put. */
export const MAX_FIT_ZOOM = 1.3;

/** Fits the drawn elements into view without zooming in past MAX_FIT_ZOOM. */
export function fitView(cy: Core, animate: boolean): void {
  const eles = cy.elements().not('.filtered');
  if (eles.empty()) return;
  const padding = LAYOUT_DEFAULTS.padding;
  // Measuring thousands of labels costs hundreds of ms; at overview zoom they are hidden anyway.
  const bb = eles.boundingBox({ includeLabels: eles.length < LABELLED_FIT_MAX_ELEMENTS });
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    (cy.width() - 2 * padding) / Math.max(1, bb.w),
    (cy.height() - 2 * padding) / Math.max(1, bb.h),
  );
  const level = Math.max(cy.minZoom(), zoom);
  const pan = { x: cy.width() / 2 - level * (bb.x1 + bb.w / 2), y: cy.height() / 2 - level * (bb.y1 + bb.h / 2) };
  if (animate) cy.animate({ zoom: level, pan, duration: 250 });
  else cy.viewport({ zoom: level, pan });
}

/** Lays out every drawn element from scratch; pinned nodes keep their positions. */
export function runFullLayout(cy: Core, opts: { fit?: boolean } = {}): RunningLayout {
  const eles = cy.elements().not('.filtered');
  const nodes = eles.nodes();
  const count = nodes.length;
  const fixed = pinnedConstraints(nodes);
  const animate = count <= ANIMATE_MAX_NODES;
  const layout = run(eles, {
    ...LAYOUT_DEFAULTS,
    quality: count >= DRAFT_QUALITY_MIN_NODES ? 'draft' : 'default',
    numIter: count >= 1500 ? 500 : count >= FEWER_ITERATIONS_MIN_NODES ? 1000 : 2500,
    // Measuring every label costs more than it helps once labels are hidden at overview zoom.
    nodeDimensionsIncludeLabels: count < FEWER_ITERATIONS_MIN_NODES,
    randomize: fixed.length === 0,
    animate,
    // fcose's own fit would zoom a small graph far in; fitView caps the zoom instead.
    fit: false,
    fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
  });
  if (opts.fit ?? true) {
    if (animate) fitView(cy, false);
    return { ...layout, done: layout.done.then(() => fitView(cy, animate)) };
  }
  return layout;
}

/** The sector below a node (screen y grows downwards, so pi/2 is straight down) that its label occupies. */
const LABEL_SECTOR = Object.freeze({ size: (2 * Math.PI) / 5, end: Math.PI / 2 + Math.PI / 5 });

/**
 * Gives new nodes a starting position next to the canvas nodes they connect to (spread on a ring
 * around their neighbours' centre), or beside the current drawing when they connect to nothing yet.
 */
export function placeNewNodes(cy: Core, newNodes: NodeCollection): void {
  const isNew = new Set(newNodes.map((n) => n.id()));
  const old = cy.nodes().filter((n) => !isNew.has(n.id()));
  const bb = old.boundingBox({});
  const groups = new Map<string, { center: Position; nodes: NodeSingular[] }>();
  const loose: NodeSingular[] = [];
  newNodes.forEach((node) => {
    const anchors = node.neighborhood('node').filter((n) => !isNew.has(n.id()));
    if (anchors.length === 0) {
      loose.push(node);
      return;
    }
    // Group by the anchor set so all of an expanded node's new neighbours share one ring.
    const key = anchors
      .map((a) => a.id())
      .sort()
      .join('|');
    let group = groups.get(key);
    if (!group) {
      let x = 0;
      let y = 0;
      anchors.forEach((a) => {
        x += a.position('x');
        y += a.position('y');
      });
      group = { center: { x: x / anchors.length, y: y / anchors.length }, nodes: [] };
      groups.set(key, group);
    }
    group.nodes.push(node);
  });
  for (const { center, nodes } of groups.values()) {
    const radius = 110 + 14 * Math.sqrt(nodes.length);
    nodes.forEach((node, i) => {
      // Spread over the circle but the sector straight below the anchor, where its label is drawn.
      const angle = LABEL_SECTOR.end + ((2 * Math.PI - LABEL_SECTOR.size) * (i + 0.5)) / nodes.length;
      node.position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    });
  }
  const columns = Math.max(1, Math.ceil(Math.sqrt(loose.length)));
  loose.forEach((node, i) => {
    const origin = old.length > 0 ? { x: bb.x2 + 140, y: bb.y1 } : { x: 0, y: 0 };
    node.position({ x: origin.x + (i % columns) * 120, y: origin.y + Math.floor(i / columns) * 100 });
  });
}

/**
 * Lays out only the new nodes: fcose runs on them plus their canvas neighbours, with every
 * pre-existing node fixed in place, so the drawing the user already knows does not jump.
 */
export function runIncrementalLayout(cy: Core, newNodes: NodeCollection): RunningLayout {
  placeNewNodes(cy, newNodes);
  const isNew = new Set(newNodes.map((n) => n.id()));
  const visibleNew = newNodes.not('.filtered');
  // Small canvases: every drawn node takes part (fixed), so new nodes are pushed clear of all of
  // them. Large ones: only the new nodes' neighbourhood, to keep the layout fast.
  const allVisible = cy.nodes().not('.filtered');
  const nodes =
    allVisible.length <= INCREMENTAL_ALL_NODES_MAX
      ? allVisible
      : visibleNew.union(visibleNew.neighborhood('node').not('.filtered'));
  const eles = nodes.union(nodes.edgesWith(nodes).not('.filtered'));
  const old = nodes.nodes().filter((n) => !isNew.has(n.id()));
  if (visibleNew.length === 0) return { done: Promise.resolve(), stop: () => {} };
  const { constraints, restore } = holdInPlace(cy, old);
  const layout = run(eles, {
    ...LAYOUT_DEFAULTS,
    quality: 'default',
    randomize: false,
    animate: visibleNew.length <= ANIMATE_MAX_NODES,
    fit: false,
    fixedNodeConstraint: constraints.length > 0 ? constraints : undefined,
  });
  // Guarantee the promise to the user: whatever the solver did, existing nodes end where they were, and no new
  // node sits on an existing node's label (fcose weighs labels only as part of the node's box).
  return {
    ...layout,
    done: layout.done.then(() => {
      if (cy.destroyed()) return;
      restore();
      moveOffLabels(visibleNew, old);
    }),
  };
}

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;

/** Gap kept between a label and a node moved off it, in model px. */
const LABEL_CLEARANCE = 6;

/** Moves each of `moving` that covers the label (drawn below the node) of one of `fixed` to just below that label. */
export function moveOffLabels(moving: NodeCollection, fixed: NodeCollection): void {
  fixed.forEach((f: NodeSingular) => {
    const body = f.boundingBox({ includeLabels: false });
    const full = f.boundingBox({ includeLabels: true, includeOverlays: false });
    if (full.y2 <= body.y2 + 0.5) return;
    const label = { x1: full.x1, x2: full.x2, y1: body.y2, y2: full.y2 };
    moving.forEach((n: NodeSingular) => {
      const b = n.boundingBox({ includeLabels: false });
      if (overlaps(b, label))
        n.position({ x: n.position('x'), y: n.position('y') + label.y2 + LABEL_CLEARANCE - b.y1 });
    });
  });
}

/**
 * fcose constraints that keep `nodes` where they are, and a function that puts them back exactly afterwards.
 * fcose counts labels in node sizes and pins the centre of node+label, so each constraint is shifted by the
 * label's offset; otherwise fixed nodes would visibly jump by half a label height.
 */
function holdInPlace(
  cy: Core,
  nodes: NodeCollection,
): { constraints: { nodeId: string; position: Position }[]; restore: () => void } {
  const fixed = nodes.map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
  const constraints = nodes.map((node: NodeSingular) => {
    const bb = node.boundingBox({ includeLabels: true, includeOverlays: false });
    return { nodeId: node.id(), position: { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 } };
  });
  const restore = () => {
    for (const { nodeId, position } of fixed) cy.getElementById(nodeId).position(position);
  };
  return { constraints, restore };
}

/**
 * After a filter change: fcose again over what is drawn, starting from where the nodes are now (no random
 * start, so the user keeps their bearings), pinned nodes held in place. Nodes that lost their drawn edges
 * (co-mentions switched off) stop being pulled into the middle; those that gained edges move to them.
 */
export function runRefreshLayout(cy: Core): RunningLayout {
  const eles = cy.elements().not('.filtered');
  const nodes = eles.nodes();
  if (nodes.empty()) return { done: Promise.resolve(), stop: () => {} };
  const count = nodes.length;
  const { constraints, restore } = holdInPlace(cy, nodes.filter('.pinned'));
  const animate = count <= ANIMATE_MAX_NODES;
  const layout = run(eles, {
    ...LAYOUT_DEFAULTS,
    quality: 'default',
    randomize: false,
    numIter: count >= FEWER_ITERATIONS_MIN_NODES ? 1000 : 2500,
    nodeDimensionsIncludeLabels: count < FEWER_ITERATIONS_MIN_NODES,
    animate,
    fit: false,
    fixedNodeConstraint: constraints.length > 0 ? constraints : undefined,
  });
  return {
    ...layout,
    done: layout.done.then(() => {
      if (cy.destroyed()) return;
      restore();
      const ext = cy.extent();
      const outside = nodes.some((n) => {
        const p = (n as NodeSingular).position();
        return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2;
      });
      if (outside) fitView(cy, animate);
    }),
  };
}
