// The canvas contents as plain data (nodes, edges, hidden, pinned): what undo/redo steps through.
import type { GraphEdge, GraphNode } from '../api/types.ts';

export interface CanvasGraph {
  /** Nodes on the canvas by id (insertion order is drawing order). */
  readonly nodes: Readonly<Record<string, GraphNode>>;
  readonly edges: Readonly<Record<string, GraphEdge>>;
  /** Nodes the user hid; they stay known so "show hidden" can bring them back. */
  readonly hidden: readonly string[];
  /** Nodes the user pinned: layouts never move them. */
  readonly pinned: readonly string[];
  /** Node id -> how many more neighbours the server has beyond what an expand drew. */
  readonly more: Readonly<Record<string, number>>;
}

export const EMPTY_GRAPH: CanvasGraph = Object.freeze({ nodes: {}, edges: {}, hidden: [], pinned: [], more: {} });

export function nodeCount(graph: CanvasGraph): number {
  return Object.keys(graph.nodes).length;
}

export function elementCount(graph: CanvasGraph): number {
  return Object.keys(graph.nodes).length + Object.keys(graph.edges).length;
}

/**
 * Adds nodes and edges (existing ones are refreshed with the newer data). Edges whose endpoints
 * are not on the canvas are dropped: cytoscape refuses dangling edges. Newly added nodes are
 * un-hidden, since the user just asked to see them.
 */
export function addElements(
  graph: CanvasGraph,
  add: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  more?: Record<string, number>,
): CanvasGraph {
  const nodes: Record<string, GraphNode> = { ...graph.nodes };
  for (const node of add.nodes) nodes[node.id] = node;
  const edges: Record<string, GraphEdge> = { ...graph.edges };
  for (const edge of add.edges) {
    if (nodes[edge.source] && nodes[edge.target]) edges[edge.id] = edge;
  }
  const added = new Set(add.nodes.map((n) => n.id));
  const hidden = graph.hidden.filter((id) => !added.has(id));
  return {
    nodes,
    edges,
    hidden: hidden.length === graph.hidden.length ? graph.hidden : hidden,
    pinned: graph.pinned,
    more: more ? { ...graph.more, ...more } : graph.more,
  };
}

/** Removes nodes (and their edges) from the canvas and from the hidden/pinned lists. */
export function removeNodes(graph: CanvasGraph, ids: Iterable<string>): CanvasGraph {
  const gone = new Set(ids);
  if (gone.size === 0) return graph;
  const nodes = Object.fromEntries(Object.entries(graph.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(graph.edges).filter(([, e]) => !gone.has(e.source) && !gone.has(e.target)),
  );
  const more = Object.fromEntries(Object.entries(graph.more).filter(([id]) => !gone.has(id)));
  return {
    nodes,
    edges,
    hidden: graph.hidden.filter((id) => !gone.has(id)),
    pinned: graph.pinned.filter((id) => !gone.has(id)),
    more,
  };
}

export function hideNodes(graph: CanvasGraph, ids: Iterable<string>): CanvasGraph {
  const hidden = new Set(graph.hidden);
  for (const id of ids) if (graph.nodes[id]) hidden.add(id);
  return { ...graph, hidden: [...hidden] };
}

export function showAllNodes(graph: CanvasGraph): CanvasGraph {
  return graph.hidden.length === 0 ? graph : { ...graph, hidden: [] };
}

/** Pins the given nodes, or unpins them when all of them are already pinned. */
export function togglePinned(graph: CanvasGraph, ids: readonly string[]): CanvasGraph {
  const pinned = new Set(graph.pinned);
  const allPinned = ids.every((id) => pinned.has(id));
  for (const id of ids) {
    if (allPinned) pinned.delete(id);
    else if (graph.nodes[id]) pinned.add(id);
  }
  return { ...graph, pinned: [...pinned] };
}

/** Replaces edges among canvas nodes touching `ids` with the server's current list (after a merge). */
export function replaceEdgesTouching(
  graph: CanvasGraph,
  ids: readonly string[],
  fresh: readonly GraphEdge[],
): CanvasGraph {
  const touching = new Set(ids);
  const edges: Record<string, GraphEdge> = {};
  for (const [id, e] of Object.entries(graph.edges)) {
    if (!touching.has(e.source) && !touching.has(e.target)) edges[id] = e;
  }
  for (const e of fresh) if (graph.nodes[e.source] && graph.nodes[e.target]) edges[e.id] = e;
  return { ...graph, edges };
}

/** Above this many elements on the canvas the user is asked before more are drawn. */
export const ELEMENT_CAP = 2500;

/** How many of these nodes and edges are not on the canvas yet. */
export function newElementCount(
  graph: CanvasGraph,
  add: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
): number {
  return add.nodes.filter((n) => !graph.nodes[n.id]).length + add.edges.filter((e) => !graph.edges[e.id]).length;
}

/** True when drawing `add` would take the canvas past `cap` elements (and it adds anything at all). */
export function exceedsCap(
  graph: CanvasGraph,
  add: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  cap = ELEMENT_CAP,
): boolean {
  const fresh = newElementCount(graph, add);
  return fresh > 0 && elementCount(graph) + fresh > cap;
}

/**
 * The part of `add` that fits under the cap: the most-mentioned new nodes (half the room, since each
 * brings about one edge) plus nodes already drawn; edges are kept and later dropped if dangling.
 */
export function trimToCap<T extends { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }>(
  graph: CanvasGraph,
  add: T,
  cap = ELEMENT_CAP,
): T {
  const room = Math.max(0, cap - elementCount(graph));
  const fresh = add.nodes
    .filter((n) => !graph.nodes[n.id])
    .sort((a, b) => b.weight - a.weight)
    .slice(0, Math.floor(room / 2));
  const nodes = [...add.nodes.filter((n) => graph.nodes[n.id]), ...fresh];
  const kept = new Set([...Object.keys(graph.nodes), ...nodes.map((n) => n.id)]);
  return { ...add, nodes, edges: add.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}
