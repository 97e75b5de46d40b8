// Splitting a merged entity: undo one recorded merge, then redraw the kept entity and the ones that come back.
import { useCallback } from 'react';
import * as api from '../api/explorer.ts';
import { t } from '../i18n/index.ts';
import { MAX_IDS_PER_REQUEST } from './useDraw.ts';
import type { ViewStore } from './useView.ts';

export interface Splitting {
  /** Splits `mergeId` off entity `id`; resolves with a line for the user, rejects with the server's error. */
  split: (id: string, mergeId: string) => Promise<string>;
}

export function useSplit(store: ViewStore, onSplit: () => void): Splitting {
  const { dispatch, graphRef } = store;
  const split = useCallback(
    async (id: string, mergeId: string) => {
      const result = await api.splitEntity(id, mergeId);
      const wasDrawn = Boolean(graphRef.current.nodes[result.keptId]);
      const changed = [result.keptId, ...result.restoredIds];
      const nodes = await api.nodesByIds(changed);
      const onCanvas = Object.keys(graphRef.current.nodes).filter((n) => !changed.includes(n));
      const ids = [...new Set([...onCanvas.slice(-(MAX_IDS_PER_REQUEST - changed.length)), ...changed])];
      const edges = await api.edgesAmong(ids);
      const kept = nodes.find((n) => n.id === result.keptId) ?? null;
      // The kept entity loses the edges it had taken over; the restored ones are drawn beside it with theirs.
      dispatch({ type: 'merged', keptNode: kept, keptId: result.keptId, mergedIds: [], edges });
      if (wasDrawn) {
        dispatch({
          type: 'add',
          nodes: nodes.filter((n) => n.id !== result.keptId),
          edges,
          highlight: { merged: result.restoredIds },
        });
      }
      onSplit();
      const names = nodes.filter((n) => n.id !== result.keptId).map((n) => `“${n.name}”`);
      const vars = { names: names.join(', '), count: result.relationshipsRestored };
      return result.relationshipsNotRestored > 0
        ? t('split.doneSome', { ...vars, lost: result.relationshipsNotRestored })
        : t('split.done', vars);
    },
    [dispatch, graphRef, onSplit],
  );
  return { split };
}
