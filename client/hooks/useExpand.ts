// Expanding a node: one neighbourhood request that brings the neighbours and the edges tying them into the canvas.
import { useCallback, useRef, useState } from 'react';
import * as api from '../api/explorer.ts';
import { NODE_LABELS, type Subgraph } from '../api/types.ts';
import { plural, t } from '../i18n/index.ts';
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

/** Why an expand drew nothing new. */
function nothingNew(name: string, sub: Subgraph, typesChosen: boolean): string {
  if (sub.truncated) return t('status.noNewInPage', { name });
  if (sub.coMentionOnly > 0) {
    return plural(sub.coMentionOnly, 'status.onlyCoMentioned.one', 'status.onlyCoMentioned.other', { name });
  }
  return t(typesChosen ? 'status.noFurtherOfTypes' : 'status.noFurther', { name });
}

export function useExpand(store: ViewStore, drawing: Drawing, status: Status): Expanding {
  const { graphRef } = store;
  const followCoMentions = store.view.filters.coMentions;
  const { draw, drawnIds } = drawing;
  const { withBusy, setNotice } = status;
  const [limit, setLimit] = useState<number>(DEFAULT_EXPAND_LIMIT);
  const [types, setTypes] = useState<readonly string[]>(NODE_LABELS.filter((label) => label !== 'Article'));
  const expandedLimits = useRef(new Map<string, number>());

  const expand = useCallback(
    (id: string) => {
      const node = graphRef.current.nodes[id];
      if (!node) return;
      void withBusy(
        t('status.expanding', { name: node.name }),
        async () => {
          // Each further expand of the same node asks for one more page of neighbours.
          const pageLimit = (expandedLimits.current.get(id) ?? 0) + limit;
          const labels = types.length === NODE_LABELS.length ? null : [...types];
          const sub = await api.neighborhood([id], {
            limit: pageLimit,
            types: labels,
            followCoMentions,
            drawn: drawnIds(),
          });
          expandedLimits.current.set(id, pageLimit);
          const fresh = sub.nodes.filter((n) => !graphRef.current.nodes[n.id]);
          // "N more" counts the neighbours past the limit and those left out for being only co-mentioned.
          const more = (sub.truncated ? Math.max(1, sub.remaining) : 0) + sub.coMentionOnly;
          draw({ nodes: sub.nodes, edges: sub.edges, more: { [id]: more } });
          if (fresh.length === 0) setNotice({ kind: 'info', text: () => nothingNew(node.name, sub, labels !== null) });
        },
        t('status.couldNotExpand', { name: node.name }),
      );
    },
    [draw, drawnIds, followCoMentions, graphRef, limit, setNotice, types, withBusy],
  );

  const toggleType = useCallback(
    (label: string) => setTypes((list) => (list.includes(label) ? list.filter((x) => x !== label) : [...list, label])),
    [],
  );

  return { expand, limit, setLimit, types, toggleType };
}
