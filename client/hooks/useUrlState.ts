// The view <-> the URL hash: a link reopens the view (nodes redrawn from the server), every change updates the hash.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import * as api from '../api/explorer.ts';
import { plural, t } from '../i18n/index.ts';
import { EMPTY_GRAPH } from '../state/graph.ts';
import { decodeView, encodeView } from '../state/url.ts';
import type { Status } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

export function useUrlState(store: ViewStore, status: Status): void {
  const { dispatch, graph, view } = store;
  const { setBusy, setNotice } = status;
  const lastHash = useRef<string | null>(null);
  const [restoring, setRestoring] = useState(true);

  const restoreFromHash = useCallback(
    async (hash: string) => {
      const saved = decodeView(hash);
      lastHash.current = hash.replace(/^#/, '');
      if (saved.nodes.length === 0) {
        dispatch({ type: 'restore', graph: EMPTY_GRAPH, filters: saved.filters, selection: null });
        return;
      }
      setBusy(t('status.reopening'));
      try {
        const found = await api.nodesWithEdges([...saved.nodes]);
        const nodes = Object.fromEntries(found.nodes.map((n) => [n.id, n]));
        const edges = Object.fromEntries(
          found.edges.filter((e) => nodes[e.source] && nodes[e.target]).map((e) => [e.id, e]),
        );
        dispatch({
          type: 'restore',
          graph: {
            nodes,
            edges,
            hidden: saved.hidden.filter((id) => nodes[id]),
            pinned: saved.pinned.filter((id) => nodes[id]),
            more: {},
          },
          filters: saved.filters,
          selection: saved.selection,
        });
        const missing = saved.nodes.length - found.nodes.length;
        if (missing > 0)
          setNotice({
            kind: 'info',
            text: () => plural(missing, 'status.missingNodes.one', 'status.missingNodes.other'),
          });
      } catch (error) {
        setNotice({ kind: 'error', text: () => t('status.couldNotReopen', { error: errorMessage(error) }) });
      } finally {
        setBusy(null);
      }
    },
    [dispatch, setBusy, setNotice],
  );

  useEffect(() => {
    void restoreFromHash(window.location.hash).finally(() => setRestoring(false));
    const onHash = () => {
      if (window.location.hash.replace(/^#/, '') !== lastHash.current) void restoreFromHash(window.location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [restoreFromHash]);

  const hash = useMemo(
    () =>
      encodeView({
        nodes: Object.keys(graph.nodes),
        hidden: graph.hidden,
        pinned: graph.pinned,
        filters: view.filters,
        selection: view.selection,
      }),
    [graph, view.filters, view.selection],
  );
  useEffect(() => {
    if (restoring || hash === lastHash.current) return;
    lastHash.current = hash;
    // replaceState: every canvas step is not a browser-history step (undo/redo covers that).
    window.history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
  }, [hash, restoring]);
}
