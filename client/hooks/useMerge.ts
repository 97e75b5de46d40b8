// Merging two entities the extractor kept apart: choose, confirm, then redraw the kept one with its edges.
import { useCallback, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import * as api from '../api/explorer.ts';
import type { GraphNode } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { MAX_IDS_PER_REQUEST } from './useDraw.ts';
import type { Message } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

export interface MergeChoice {
  readonly keep: GraphNode | null;
  readonly merge: GraphNode | null;
}

export interface Merging extends MergeChoice {
  readonly message: Message | null;
  /** The confirmation dialog is open. */
  readonly confirming: boolean;
  readonly busy: boolean;
  change: (change: Partial<MergeChoice>) => void;
  request: () => void;
  cancel: () => void;
  confirm: () => void;
}

export function useMerge(store: ViewStore, onMerged: () => void): Merging {
  const { dispatch, graphRef } = store;
  const [choice, setChoice] = useState<MergeChoice>({ keep: null, merge: null });
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = useCallback((c: Partial<MergeChoice>) => {
    setChoice((m) => ({ ...m, ...c }));
    setMessage(null);
  }, []);

  const confirm = useCallback(() => {
    const { keep, merge: other } = choice;
    if (!keep || !other) return;
    setBusy(true);
    void (async () => {
      try {
        const result = await api.mergeEntities(keep.id, [other.id]);
        const [kept] = await api.nodesByIds([result.keptId]);
        const remaining = Object.keys(graphRef.current.nodes).filter((id) => !result.mergedIds.includes(id));
        const ids = [...new Set([...remaining.slice(-(MAX_IDS_PER_REQUEST - 1)), result.keptId])];
        const edges = await api.edgesAmong(ids);
        dispatch({ type: 'merged', keptNode: kept ?? null, keptId: result.keptId, mergedIds: result.mergedIds, edges });
        dispatch({ type: 'highlight', highlight: { merged: [result.keptId] } });
        setChoice({ keep: null, merge: null });
        setMessage({
          kind: 'info',
          text: () =>
            t('status.merged', {
              merge: other.name,
              keep: keep.name,
              count: result.relationshipsMoved,
              aliases: result.aliases.join(', ') || '—',
            }),
        });
        onMerged();
      } catch (error) {
        setMessage({ kind: 'error', text: () => t('status.mergeFailed', { error: errorMessage(error) }) });
      } finally {
        setBusy(false);
        setConfirming(false);
      }
    })();
  }, [choice, dispatch, graphRef, onMerged]);

  return {
    ...choice,
    message,
    confirming,
    busy,
    change,
    request: () => setConfirming(true),
    cancel: () => setConfirming(false),
    confirm,
  };
}
