// Pure conversion of GraphQL nodes and edges into cytoscape element definitions.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { kindLabel, relationLabel } from './types.ts';

/** Longest label drawn on the canvas; the full name is in the details panel. */
export const MAX_CAPTION_CHARS = 30;

export interface NodeData {
  id: string;
  type: string;
  name: string;
  caption: string;
  weight: number;
  kind: string | null;
  date: string | null;
  /** Neighbours not yet drawn (0 when fully expanded or never expanded). */
  more: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  caption: string;
  support: number;
  confidence: number | null;
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
}

export function truncate(text: string, max = MAX_CAPTION_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** What the canvas writes under a node: its name; events show kind and date since summaries are long. */
export function nodeCaption(node: GraphNode, more = 0): string {
  let caption: string;
  if (node.label === 'Event') {
    const kind = node.kind ? kindLabel(node.kind) : 'Event';
    caption = node.date ? `${kind} · ${node.date.slice(0, 10)}` : kind;
  } else {
    caption = truncate(node.name || node.id);
  }
  return more > 0 ? `${caption}\n+${more} more` : caption;
}

export function nodeElement(node: GraphNode, more = 0): NodeElement {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      type: node.label,
      name: node.name,
      caption: nodeCaption(node, more),
      weight: Math.max(1, node.weight || 1),
      kind: node.kind ?? null,
      date: node.date ?? null,
      more,
    },
  };
}

export function edgeElement(edge: GraphEdge): EdgeElement {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      caption: relationLabel(edge.type),
      support: Math.max(1, edge.support || 1),
      confidence: edge.confidence ?? null,
    },
  };
}

/** Elements for a whole result; edges with an endpoint missing from `nodes` are left out. */
export function toElements(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  more: Record<string, number> = {},
): (NodeElement | EdgeElement)[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: (NodeElement | EdgeElement)[] = nodes.map((n) => nodeElement(n, more[n.id] ?? 0));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) out.push(edgeElement(e));
  return out;
}

/** Relation properties (title, since…) parsed from the contract's JSON string; {} when absent or malformed. */
export function parseProps(props: string | null | undefined): Record<string, unknown> {
  if (!props) return {};
  try {
    const value: unknown = JSON.parse(props);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
