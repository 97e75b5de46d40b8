// The JSON export of the current view: nodes with positions, edges, filters, and a link that reopens it.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { Filters } from './filters.ts';
import type { CanvasGraph } from './graph.ts';

export interface ExportedView {
  format: 'newsgraph-view';
  version: 1;
  exportedAt: string;
  link: string;
  filters: Filters;
  nodes: (GraphNode & { x?: number; y?: number; hidden: boolean; pinned: boolean })[];
  edges: GraphEdge[];
}

export function buildExport(
  graph: CanvasGraph,
  filters: Filters,
  positions: Record<string, { x: number; y: number }>,
  link: string,
  now = new Date(),
): ExportedView {
  const hidden = new Set(graph.hidden);
  const pinned = new Set(graph.pinned);
  return {
    format: 'newsgraph-view',
    version: 1,
    exportedAt: now.toISOString(),
    link,
    filters,
    nodes: Object.values(graph.nodes).map((n) => ({
      ...n,
      ...(positions[n.id] ? { x: Math.round(positions[n.id].x), y: Math.round(positions[n.id].y) } : {}),
      hidden: hidden.has(n.id),
      pinned: pinned.has(n.id),
    })),
    edges: Object.values(graph.edges),
  };
}
