// Shortest paths between two chosen nodes, drawn highlighted on the canvas.
import { useCallback, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import * as api from '../api/explorer.ts';
import type { GraphNode } from '../api/types.ts';
import { plural, t } from '../i18n/index.ts';
import { pathRelationTypes } from '../state/filters.ts';
import { type Drawing, MAX_IDS_PER_REQUEST } from './useDraw.ts';
import type { Message } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

export interface PathQuery {
  readonly from: GraphNode | null;
  readonly to: GraphNode | null;
  readonly maxHops: number;
}

export interface PathSearch extends PathQuery {
  readonly busy: boolean;
  /** Outcome of the last search. */
  readonly message: Message | null;
  change: (change: Partial<PathQuery>) => void;
  find: () => void;
  /** Ends the path highlight (the drawn nodes stay). */
  clear: () => void;
}

export const DEFAULT_PATH_HOPS = 4;

export function usePaths(store: ViewStore, drawing: Drawing): PathSearch {
  const { dispatch } = store;
  const { filters } = store.view;
  const { draw, drawnIds } = drawing;
  const [query, setQuery] = useState<PathQuery>({ from: null, to: null, maxHops: DEFAULT_PATH_HOPS });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const change = useCallback((c: Partial<PathQuery>) => {
    setQuery((q) => ({ ...q, ...c }));
    setMessage(null);
  }, []);

  const find = useCallback(() => {
    const { from, to, maxHops } = query;
    if (!from || !to) return;
    setBusy(true);
    setMessage(null);
    void (async () => {
      try {
        const sub = await api.paths(from.id, to.id, maxHops, pathRelationTypes(filters));
        if (sub.nodes.length === 0) {
          const through = t(filters.coMentions ? 'status.throughAll' : 'status.throughTyped');
          setMessage({
            kind: 'info',
            text: () => t('status.noPath', { from: from.name, to: to.name, hops: maxHops, through }),
          });
          dispatch({ type: 'highlight', highlight: null });
          return;
        }
        const ids = sub.nodes.map((n) => n.id);
        const edges = [
          ...sub.edges,
          ...(await api.edgesAmong([...new Set([...drawnIds(MAX_IDS_PER_REQUEST - ids.length), ...ids])])),
        ];
        draw({
          nodes: sub.nodes,
          edges,
          highlight: { pathNodes: ids, pathEdges: sub.edges.map((e) => e.id) },
        });
        const hops = sub.edges.length;
        setMessage({
          kind: 'info',
          text: () =>
            `${plural(hops, 'status.pathsDrawn.one', 'status.pathsDrawn.other', { nodes: sub.nodes.length })}${sub.truncated ? ` ${t('status.morePaths')}` : ''}`,
        });
      } catch (error) {
        setMessage({ kind: 'error', text: () => t('status.pathFailed', { error: errorMessage(error) }) });
      } finally {
        setBusy(false);
      }
    })();
  }, [dispatch, draw, drawnIds, filters, query]);

  const clear = useCallback(() => dispatch({ type: 'highlight', highlight: null }), [dispatch]);

  return { ...query, busy, message, change, find, clear };
}
