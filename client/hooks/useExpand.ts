// Expanding a node: one neighbourhood request that brings the neighbours and the edges tying them into the canvas.
import { useCallback, useRef, useState } from 'react';
import * as api from '../api/explorer.ts';
import { NODE_LABELS } from '../api/types.ts';
import type { Drawing } from './useDraw.ts';
import type { Status } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

/** Choices for "neighbours per expand". */
export const EXPAND_LIMITS = [10, 25, 50, 100, 200] as const;
export const DEFAULT_EXPAND_LIMIT = 25;

export interface Expanding {
  expand: (id: string) => void;
  /** Neighbours asked for per expand. */
  limit: number;
  setLimit: (limit: number) => void;
  /** Node labels an expand draws (articles are left out by default: they connect everything). */
  types: readonly string[];
  toggleType: (label: string) => void;
}

export function useExpand(store: ViewStore, drawing: Drawing, status: Status): Expanding {
  const { graphRef } = store;
  const { draw, drawnIds } = drawing;
  const { withBusy, setNotice } = status;
  const [limit, setLimit] = useState<number>(DEFAULT_EXPAND_LIMIT);
  const [types, setTypes] = useState<readonly string[]>(NODE_LABELS.filter((t) => t !== 'Article'));
  // Each further expand of the same node asks for one more page of neighbours.
  const expandedLimits = useRef(new Map<string, number>());

  const expand = useCallback(
    (id: string) => {
      const node = graphRef.current.nodes[id];
      if (!node) return;
      void withBusy(
        `Expanding ${node.name}…`,
        async () => {
          const pageLimit = (expandedLimits.current.get(id) ?? 0) + limit;
          const labels = types.length === NODE_LABELS.length ? null : [...types];
          const sub = await api.neighborhood([id], { limit: pageLimit, types: labels, drawn: drawnIds() });
          expandedLimits.current.set(id, pageLimit);
          const fresh = sub.nodes.filter((n) => !graphRef.current.nodes[n.id]);
          draw({ nodes: sub.nodes, edges: sub.edges, more: { [id]: sub.truncated ? Math.max(1, sub.remaining) : 0 } });
          if (fresh.length === 0) {
            setNotice({
              kind: 'info',
              text: sub.truncated
                ? `No new neighbours of ${node.name} in this page.`
                : `${node.name} has no further neighbours${labels ? ' of the chosen types' : ''}.`,
            });
          }
        },
        `Could not expand ${node.name}`,
      );
    },
    [draw, drawnIds, graphRef, limit, setNotice, types, withBusy],
  );

  const toggleType = useCallback(
    (label: string) => setTypes((list) => (list.includes(label) ? list.filter((x) => x !== label) : [...list, label])),
    [],
  );

  return { expand, limit, setLimit, types, toggleType };
}
