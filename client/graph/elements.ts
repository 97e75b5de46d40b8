// Pure conversion of GraphQL nodes and edges into cytoscape element definitions.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { showDate, t } from '../i18n/index.ts';
import { typeName } from '../i18n/labels.ts';
import { kindLabel, relationLabel } from './types.ts';

/** Node sizes in px: the smallest and largest drawn weight map to min and max; one weight for all gets default. */
export const NODE_SIZE_PX = Object.freeze({ min: 22, max: 62, default: 30 });

/**
 * Size of each weight among `weights` (the drawn nodes'), on a log scale between NODE_SIZE_PX.min and max: real
 * weights run 1-9 on a small canvas and into the hundreds on a large one, so a fixed 1-30 range made every node
 * look alike; the log keeps one huge hub from shrinking all others to the minimum.
 */
export function nodeSizeScale(weights: Iterable<number>): (weight: number) => number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const w of weights) {
    const v = Math.log(Math.max(1, w));
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return () => NODE_SIZE_PX.default;
  const { min, max } = NODE_SIZE_PX;
  return (weight) => {
    const v = Math.min(hi, Math.max(lo, Math.log(Math.max(1, weight))));
    return Math.round(min + ((max - min) * (v - lo)) / (hi - lo));
  };
}

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
  /** Drawn width and height in px, from the weight's place among the drawn nodes' weights (nodeSizeScale). */
  size: number;
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

/** Longest first line of an event's label: its summary, cut at a word. */
export const MAX_EVENT_CAPTION_CHARS = 34;

/** `text` cut to `max` characters at a word boundary when there is one. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * What the canvas writes under a node: its name. Events say what happened (their summary: who did what to whom),
 * then the kind and the date.
 */
export function nodeCaption(node: GraphNode, more = 0): string {
  let caption: string;
  if (node.label === 'Event') {
    const kind = node.kind ? kindLabel(node.kind) : typeName('Event');
    const when = node.date ? `${kind} · ${showDate(node.date)}` : kind;
    const what = node.name && node.name !== node.kind && node.name !== node.id ? node.name : '';
    caption = what ? `${shorten(what, MAX_EVENT_CAPTION_CHARS)}\n${when}` : when;
  } else {
    caption = truncate(node.name || node.id);
  }
  return more > 0 ? `${caption}\n${t('canvas.more', { count: more })}` : caption;
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
      size: NODE_SIZE_PX.default,
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
