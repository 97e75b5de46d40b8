// Counts of what is on the canvas, by node type, relation type and event kind, for the filters and the legend.
import { useMemo } from 'react';
import type { GraphStats, TimelineEvent } from '../api/types.ts';
import type { CanvasGraph } from '../state/graph.ts';

export interface CanvasCounts {
  readonly types: Record<string, number>;
  /** Relation types on the canvas, plus every type the database holds (at 0). */
  readonly relations: Record<string, number>;
  /** Event kinds on the canvas, plus every kind on the timeline (at 0). */
  readonly kinds: Record<string, number>;
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function useCanvasCounts(
  graph: CanvasGraph,
  stats: GraphStats | undefined,
  timeline: readonly TimelineEvent[] | undefined,
): CanvasCounts {
  const nodeList = useMemo(() => Object.values(graph.nodes), [graph.nodes]);
  const types = useMemo(() => countBy(nodeList, (n) => n.label), [nodeList]);
  const relations = useMemo(() => {
    const counts = countBy(Object.values(graph.edges), (e) => e.type);
    for (const r of stats?.relationshipTypes ?? []) counts[r.key] ??= 0;
    return counts;
  }, [graph.edges, stats]);
  const kinds = useMemo(() => {
    const counts = countBy(nodeList, (n) => (n.label === 'Event' ? n.kind : null));
    for (const e of timeline ?? []) counts[e.kind] ??= 0;
    return counts;
  }, [nodeList, timeline]);
  return { types, relations, kinds };
}
