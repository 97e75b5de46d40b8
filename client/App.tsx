// The explorer application: composes search, canvas, panels and the query editor around one view state.
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { errorMessage } from './api/client.ts';
import * as api from './api/explorer.ts';
import {
  type GraphEdge,
  type GraphNode,
  type GraphStats,
  type IngestResult,
  NODE_LABELS,
  type SearchHit,
  type TimelineEvent,
} from './api/types.ts';
import { useLatest } from './api/useLatest.ts';
import { Canvas, type CanvasHandle } from './graph/Canvas.tsx';
import { Legend } from './graph/Legend.tsx';
import { ShapeIcon } from './graph/ShapeIcon.tsx';
import { ArticleReader } from './panels/article/ArticleReader.tsx';
import { EdgeDetails, type NodeActions, NodeDetails } from './panels/details/DetailsPanel.tsx';
import type { OpenEvidence } from './panels/details/Evidence.tsx';
import { ConfirmDialog } from './panels/dialog/ConfirmDialog.tsx';
import { FiltersPanel } from './panels/filters/FiltersPanel.tsx';
import { LoaderPanel } from './panels/loader/LoaderPanel.tsx';
import { MergePanel } from './panels/merge/MergePanel.tsx';
import { PathsPanel } from './panels/paths/PathsPanel.tsx';
import { SearchBox } from './panels/search/SearchBox.tsx';
import { Timeline } from './panels/timeline/Timeline.tsx';
import { buildExport } from './state/exportView.ts';
import { computeVisibility } from './state/filters.ts';
import { type CanvasGraph, ELEMENT_CAP, elementCount, exceedsCap, newElementCount, trimToCap } from './state/graph.ts';
import { canRedo, canUndo } from './state/history.ts';
import { decodeView, encodeView } from './state/url.ts';
import { type Highlight, INITIAL_VIEW, viewReducer } from './state/view.ts';

const QueryPanel = lazy(() => import('./panels/query/QueryPanel.tsx'));

/** edgesAmong is asked for the whole canvas only up to this many nodes (beyond, only the new nodes' edges). */
const EDGES_AMONG_MAX_IDS = 3000;
const EXPAND_LIMITS = [10, 25, 50, 100, 200];

type Message = { kind: 'info' | 'error'; text: string };

interface PendingDraw {
  nodes: GraphNode[];
  edges: GraphEdge[];
  more?: Record<string, number>;
  highlight?: Partial<Highlight>;
  select?: string;
  total: number;
}

function hitToNode(hit: SearchHit): GraphNode {
  return { id: hit.id, label: hit.label, name: hit.name, weight: hit.mentionCount };
}

function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function App() {
  const [view, dispatch] = useReducer(viewReducer, INITIAL_VIEW);
  const graph = view.history.present;
  const graphRef = useRef<CanvasGraph>(graph);
  graphRef.current = graph;
  const visibility = useMemo(() => computeVisibility(graph, view.filters), [graph, view.filters]);
  const canvas = useRef<CanvasHandle | null>(null);

  const [tab, setTab] = useState<'graph' | 'query'>('graph');
  const [queryOpened, setQueryOpened] = useState(false);
  const [side, setSide] = useState<'details' | 'load' | 'merge'>('details');
  const [reader, setReader] = useState<OpenEvidence | null>(null);
  const [expandLimit, setExpandLimit] = useState(25);
  const [expandTypes, setExpandTypes] = useState<string[]>(NODE_LABELS.filter((t) => t !== 'Article'));
  const expandedLimits = useRef(new Map<string, number>());
  const [notice, setNotice] = useState<Message | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingDraw | null>(null);
  const [paths, setPaths] = useState<{
    from: GraphNode | null;
    to: GraphNode | null;
    maxHops: number;
    busy: boolean;
    message: Message | null;
  }>({
    from: null,
    to: null,
    maxHops: 4,
    busy: false,
    message: null,
  });
  const [merge, setMerge] = useState<{
    keep: GraphNode | null;
    merge: GraphNode | null;
    message: Message | null;
    confirming: boolean;
    busy: boolean;
  }>({
    keep: null,
    merge: null,
    message: null,
    confirming: false,
    busy: false,
  });
  const stats = useLatest<GraphStats>();
  const timeline = useLatest<TimelineEvent[]>();

  const refreshOverview = useCallback(() => {
    void stats.run((signal) => api.stats(signal));
    void timeline.run((signal) => api.timeline({}, signal));
  }, [stats.run, timeline.run]);
  useEffect(refreshOverview, [refreshOverview]);

  // Notices fade on their own; errors stay until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  // ---- drawing, with the element cap ------------------------------------------------------
  const draw = useCallback((add: Omit<PendingDraw, 'total'>, confirmed = false) => {
    const current = graphRef.current;
    if (!confirmed && exceedsCap(current, add)) {
      setPending({ ...add, total: elementCount(current) + newElementCount(current, add) });
      return;
    }
    dispatch({ type: 'add', ...add });
  }, []);

  /** Edges connecting `newIds` to each other and to what is already drawn. */
  const connectingEdges = useCallback(async (newIds: string[]): Promise<GraphEdge[]> => {
    const current = Object.keys(graphRef.current.nodes);
    const ids = [...new Set([...current, ...newIds])];
    return api.edgesAmong(ids.length <= EDGES_AMONG_MAX_IDS ? ids : newIds);
  }, []);

  const showNodes = useCallback(
    async (nodes: GraphNode[], opts: { select?: string; highlight?: Partial<Highlight> } = {}) => {
      if (nodes.length === 0) return;
      const edges = await connectingEdges(nodes.map((n) => n.id));
      draw({ nodes, edges, ...opts });
    },
    [connectingEdges, draw],
  );

  const withBusy = useCallback(async (label: string, fn: () => Promise<void>, failure: string) => {
    setBusy(label);
    try {
      await fn();
    } catch (error) {
      setNotice({ kind: 'error', text: `${failure}: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }, []);

  const addHits = useCallback(
    (hits: SearchHit[]) => {
      void withBusy(
        'Adding to canvas…',
        async () => {
          const ids = hits.map((h) => h.id);
          // nodesByIds gives the canvas shape (kind, date); hits fill in if the server lacks a node.
          const nodes = await api.nodesByIds(ids);
          const byId = new Map(nodes.map((n) => [n.id, n]));
          const all = hits.map((h) => byId.get(h.id) ?? hitToNode(h));
          await showNodes(all, { select: all.length === 1 ? all[0].id : undefined });
          if (all.length === 1) canvas.current?.center(all[0].id);
        },
        'Could not add to the canvas',
      );
    },
    [showNodes, withBusy],
  );

  const showIds = useCallback(
    (ids: string[], origin: string) => {
      void withBusy(
        'Drawing…',
        async () => {
          const nodes = await api.nodesByIds(ids);
          if (nodes.length === 0) {
            setNotice({ kind: 'info', text: `${origin}: none of the ${ids.length} ids is a node in the graph.` });
            return;
          }
          await showNodes(nodes);
          setNotice({
            kind: 'info',
            text: `${origin}: drew ${nodes.length} node${nodes.length === 1 ? '' : 's'} of ${ids.length} ids.`,
          });
        },
        `${origin} could not be drawn`,
      );
    },
    [showNodes, withBusy],
  );

  const expand = useCallback(
    (id: string) => {
      const node = graphRef.current.nodes[id];
      if (!node) return;
      void withBusy(
        `Expanding ${node.name}…`,
        async () => {
          // Each further expand of the same node asks for one more page of neighbours.
          const limit = (expandedLimits.current.get(id) ?? 0) + expandLimit;
          const types = expandTypes.length === NODE_LABELS.length ? null : expandTypes;
          const sub = await api.neighborhood([id], { limit, types });
          expandedLimits.current.set(id, limit);
          const newIds = sub.nodes.map((n) => n.id).filter((nid) => !graphRef.current.nodes[nid]);
          const edges = [...sub.edges, ...(newIds.length > 0 ? await connectingEdges(sub.nodes.map((n) => n.id)) : [])];
          draw({ nodes: sub.nodes, edges, more: { [id]: sub.truncated ? Math.max(1, sub.remaining) : 0 } });
          if (newIds.length === 0) {
            setNotice({
              kind: 'info',
              text: sub.truncated
                ? `No new neighbours of ${node.name} in this page.`
                : `${node.name} has no further neighbours${types ? ' of the chosen types' : ''}.`,
            });
          }
        },
        `Could not expand ${node.name}`,
      );
    },
    [connectingEdges, draw, expandLimit, expandTypes, withBusy],
  );

  // ---- URL <-> view -------------------------------------------------------------------------
  const lastHash = useRef<string | null>(null);
  const [restoring, setRestoring] = useState(true);
  const restoreFromHash = useCallback(async (hash: string) => {
    const saved = decodeView(hash);
    lastHash.current = hash.replace(/^#/, '');
    if (saved.nodes.length === 0) {
      dispatch({
        type: 'restore',
        graph: { nodes: {}, edges: {}, hidden: [], pinned: [], more: {} },
        filters: saved.filters,
        selection: null,
      });
      return;
    }
    setBusy('Reopening the linked view…');
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
          text: `${missing} node${missing === 1 ? '' : 's'} from the link no longer exist${missing === 1 ? 's' : ''} (merged or deleted).`,
        });
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not reopen the linked view: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }, []);

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

  // ---- selection, details -----------------------------------------------------------------
  const selectedNode = view.selection ? (graph.nodes[view.selection] ?? null) : null;
  const selectedEdge = view.selection && !selectedNode ? (graph.edges[view.selection] ?? null) : null;
  const onCanvas = useMemo(() => new Set(Object.keys(graph.nodes)), [graph.nodes]);

  const select = useCallback((id: string | null) => {
    dispatch({ type: 'select', id });
    if (id) {
      setReader(null);
      setSide('details');
    }
  }, []);

  const nodeActions: NodeActions = {
    onExpand: expand,
    onHide: (id) => dispatch({ type: 'hide', ids: [id] }),
    onTogglePin: (id) => dispatch({ type: 'togglePin', ids: [id] }),
    onPathEnd: (end, node) => setPaths((p) => ({ ...p, [end]: node, message: null })),
    onMergeSlot: (slot, node) => {
      setMerge((m) => ({ ...m, [slot]: node, message: null }));
      setSide('merge');
    },
    onShowNode: (node) => {
      if (graphRef.current.nodes[node.id]) {
        dispatch({ type: 'select', id: node.id });
        canvas.current?.center(node.id);
      } else {
        void withBusy('Adding to canvas…', () => showNodes([node]), 'Could not add to the canvas');
      }
    },
    onOpenEvidence: (e) => setReader(e),
  };

  // ---- paths ---------------------------------------------------------------------------------
  const findPaths = () => {
    const { from, to, maxHops } = paths;
    if (!from || !to) return;
    setPaths((p) => ({ ...p, busy: true, message: null }));
    void (async () => {
      try {
        const sub = await api.paths(from.id, to.id, maxHops);
        if (sub.nodes.length === 0) {
          setPaths((p) => ({
            ...p,
            busy: false,
            message: { kind: 'info', text: `No path between ${from.name} and ${to.name} within ${maxHops} hops.` },
          }));
          dispatch({ type: 'highlight', highlight: null });
          return;
        }
        const edges = [...sub.edges, ...(await connectingEdges(sub.nodes.map((n) => n.id)))];
        draw({
          nodes: sub.nodes,
          edges,
          highlight: { pathNodes: sub.nodes.map((n) => n.id), pathEdges: sub.edges.map((e) => e.id) },
        });
        const hops = sub.edges.length;
        setPaths((p) => ({
          ...p,
          busy: false,
          message: {
            kind: 'info',
            text: `Shortest paths drawn: ${sub.nodes.length} nodes, ${hops} relationship${hops === 1 ? '' : 's'}${sub.truncated ? ' (more paths exist)' : ''}.`,
          },
        }));
      } catch (error) {
        setPaths((p) => ({
          ...p,
          busy: false,
          message: { kind: 'error', text: `Path search failed: ${errorMessage(error)}` },
        }));
      }
    })();
  };

  // ---- merge ---------------------------------------------------------------------------------
  const doMerge = () => {
    const { keep, merge: other } = merge;
    if (!keep || !other) return;
    setMerge((m) => ({ ...m, busy: true }));
    void (async () => {
      try {
        const result = await api.mergeEntities(keep.id, [other.id]);
        const [kept] = await api.nodesByIds([result.keptId]);
        const remaining = Object.keys(graphRef.current.nodes).filter((id) => !result.mergedIds.includes(id));
        const edges = await api.edgesAmong([...new Set([...remaining, result.keptId])]);
        dispatch({ type: 'merged', keptNode: kept ?? null, keptId: result.keptId, mergedIds: result.mergedIds, edges });
        dispatch({ type: 'highlight', highlight: { merged: [result.keptId] } });
        setMerge({
          keep: null,
          merge: null,
          confirming: false,
          busy: false,
          message: {
            kind: 'info',
            text: `Merged “${other.name}” into “${keep.name}”: ${result.relationshipsMoved} relationships moved. Aliases now: ${result.aliases.join(', ') || '—'}.`,
          },
        });
        refreshOverview();
      } catch (error) {
        setMerge((m) => ({
          ...m,
          busy: false,
          confirming: false,
          message: { kind: 'error', text: `Merge failed: ${errorMessage(error)}` },
        }));
      }
    })();
  };

  // ---- loading articles ----------------------------------------------------------------------
  const onLoaded = useCallback(
    (results: IngestResult[]) => {
      const created = [...new Set(results.flatMap((r) => r.createdNodeIds))];
      const merged = [...new Set(results.flatMap((r) => r.mergedNodeIds))].filter((id) => !created.includes(id));
      refreshOverview();
      if (created.length + merged.length === 0) {
        setNotice({ kind: 'info', text: 'Nothing changed in the graph: the articles were already loaded.' });
        return;
      }
      void withBusy(
        'Drawing what changed…',
        async () => {
          const nodes = await api.nodesByIds([...created, ...merged]);
          const edges = await connectingEdges(nodes.map((n) => n.id));
          draw({ nodes, edges, highlight: { created, merged } });
        },
        'Could not draw the loaded articles',
      );
    },
    [connectingEdges, draw, refreshOverview, withBusy],
  );

  // ---- export --------------------------------------------------------------------------------
  const exportPng = () => {
    void withBusy(
      'Rendering PNG…',
      async () => {
        const blob = await canvas.current?.exportPng();
        if (blob) downloadBlob(blob, 'newsgraph-view.png');
      },
      'PNG export failed',
    );
  };
  const exportJson = () => {
    const data = buildExport(graph, view.filters, canvas.current?.positions() ?? {}, window.location.href);
    downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'newsgraph-view.json');
  };
  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => setNotice({ kind: 'info', text: 'Link to this view copied.' }),
      () => setNotice({ kind: 'info', text: `Copy this link: ${window.location.href}` }),
    );
  };

  // ---- keyboard ------------------------------------------------------------------------------
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.closest('input, textarea, select, [contenteditable="true"], .graphiql-container') || tab !== 'graph')
      )
        return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && view.selection && graph.nodes[view.selection]) {
        dispatch({ type: 'hide', ids: [view.selection] });
      } else if (e.key === 'Escape') {
        dispatch({ type: 'select', id: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab, view.selection, graph.nodes]);

  // ---- derived counts for filters and legend -------------------------------------------------
  const nodeList = useMemo(() => Object.values(graph.nodes), [graph.nodes]);
  const typeCounts = useMemo(() => countBy(nodeList, (n) => n.label), [nodeList]);
  const relationCounts = useMemo(() => {
    const counts = countBy(Object.values(graph.edges), (e) => e.type);
    for (const r of stats.state.data?.relationshipTypes ?? []) counts[r.key] ??= 0;
    return counts;
  }, [graph.edges, stats.state.data]);
  const kindCounts = useMemo(() => {
    const counts = countBy(nodeList, (n) => (n.label === 'Event' ? n.kind : null));
    for (const e of timeline.state.data ?? []) counts[e.kind] ??= 0;
    return counts;
  }, [nodeList, timeline.state.data]);

  const nodesDrawn = visibility.nodes.size;
  const edgesDrawn = visibility.edges.size;
  const totalNodes = nodeList.length;
  const serverDown = stats.state.status === 'error';
  const s = stats.state.data;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          newsgraph
        </div>
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'graph'}
            className={tab === 'graph' ? 'active' : ''}
            onClick={() => setTab('graph')}
            data-testid="tab-graph"
          >
            Explore
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'query'}
            className={tab === 'query' ? 'active' : ''}
            onClick={() => {
              setQueryOpened(true);
              setTab('query');
            }}
            data-testid="tab-query"
          >
            Query
          </button>
        </div>
        <div className="topbar-search">{tab === 'graph' && <SearchBox onPick={addHits} />}</div>
        <div className="topbar-actions">
          <button
            type="button"
            onClick={() => {
              setTab('graph');
              setSide('load');
            }}
            data-testid="open-loader"
          >
            Load articles
          </button>
          <button type="button" onClick={exportPng} disabled={totalNodes === 0} data-testid="export-png">
            Export PNG
          </button>
          <button type="button" onClick={exportJson} disabled={totalNodes === 0} data-testid="export-json">
            Export JSON
          </button>
          <button type="button" onClick={copyLink} data-testid="copy-link">
            Copy link
          </button>
        </div>
      </header>

      {serverDown && (
        <div className="banner error" role="alert" data-testid="server-error">
          {stats.state.error}{' '}
          <button type="button" onClick={refreshOverview}>
            Retry
          </button>
        </div>
      )}
      {notice && (
        <div
          className={`banner ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          {notice.text}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}

      <main className={`workspace mode-${tab}`}>
        <aside className="sidebar left" hidden={tab !== 'graph'}>
          <details open className="section">
            <summary>Filters</summary>
            <FiltersPanel
              filters={view.filters}
              onChange={(filters) => dispatch({ type: 'filters', filters })}
              typeCounts={typeCounts}
              relationCounts={relationCounts}
              kindCounts={kindCounts}
            />
          </details>
          <details open className="section">
            <summary>Expand</summary>
            <p className="muted small">Double-click a node to draw its neighbours.</p>
            <label className="field compact">
              <span>Neighbours per expand</span>
              <select
                value={expandLimit}
                onChange={(e) => setExpandLimit(Number(e.target.value))}
                data-testid="expand-limit"
              >
                {EXPAND_LIMITS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <div className="chips" data-testid="expand-types">
              {NODE_LABELS.map((t) => (
                <label key={t} className={`chip${expandTypes.includes(t) ? ' on' : ''}`}>
                  <input
                    type="checkbox"
                    checked={expandTypes.includes(t)}
                    onChange={() =>
                      setExpandTypes((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]))
                    }
                  />
                  <ShapeIcon label={t} size={12} /> {t}
                </label>
              ))}
            </div>
          </details>
          <details open className="section">
            <summary>Paths</summary>
            <PathsPanel
              from={paths.from}
              to={paths.to}
              maxHops={paths.maxHops}
              selected={selectedNode}
              busy={paths.busy}
              message={paths.message}
              highlighted={view.highlight.pathNodes.length > 0}
              onChange={(c) => setPaths((p) => ({ ...p, ...c, message: null }))}
              onFind={findPaths}
              onClear={() => dispatch({ type: 'highlight', highlight: null })}
            />
          </details>
        </aside>

        <section className="center" hidden={tab !== 'graph'}>
          <div className="toolbar" data-testid="toolbar">
            <button
              type="button"
              onClick={() => dispatch({ type: 'undo' })}
              disabled={!canUndo(view.history)}
              title="Undo (Ctrl+Z)"
              data-testid="undo"
            >
              ↶ Undo
            </button>
            <button
              type="button"
              onClick={() => dispatch({ type: 'redo' })}
              disabled={!canRedo(view.history)}
              title="Redo (Ctrl+Shift+Z)"
              data-testid="redo"
            >
              ↷ Redo
            </button>
            <span className="toolbar-sep" />
            <button type="button" onClick={() => canvas.current?.fit()} disabled={totalNodes === 0}>
              Fit
            </button>
            <button
              type="button"
              onClick={() => canvas.current?.zoomBy(1.25)}
              disabled={totalNodes === 0}
              aria-label="Zoom in"
              title="Zoom in"
            >
              +
            </button>
            <button
              type="button"
              onClick={() => canvas.current?.zoomBy(0.8)}
              disabled={totalNodes === 0}
              aria-label="Zoom out"
              title="Zoom out"
            >
              −
            </button>
            <button
              type="button"
              onClick={() => dispatch({ type: 'relayout' })}
              disabled={totalNodes === 0}
              title="Lay out everything again (pinned nodes stay)"
            >
              Re-layout
            </button>
            <span className="toolbar-sep" />
            <button
              type="button"
              onClick={() =>
                view.selection && graph.nodes[view.selection] && dispatch({ type: 'hide', ids: [view.selection] })
              }
              disabled={!selectedNode}
              data-testid="hide"
            >
              Hide
            </button>
            <button
              type="button"
              onClick={() => view.selection && dispatch({ type: 'togglePin', ids: [view.selection] })}
              disabled={!selectedNode}
              data-testid="pin"
            >
              {selectedNode && graph.pinned.includes(selectedNode.id) ? 'Unpin' : 'Pin'}
            </button>
            {graph.hidden.length > 0 && (
              <button type="button" onClick={() => dispatch({ type: 'showAll' })} data-testid="show-hidden">
                Show {graph.hidden.length} hidden
              </button>
            )}
            <button
              type="button"
              onClick={() => dispatch({ type: 'clear' })}
              disabled={totalNodes === 0}
              data-testid="clear-canvas"
            >
              Clear
            </button>
            <span className="spacer" />
            {busy && (
              <span className="busy" data-testid="busy">
                <span className="spinner" />
                {busy}
              </span>
            )}
            <span className="status" data-testid="canvas-status">
              {nodesDrawn} nodes · {edgesDrawn} edges
              {totalNodes > nodesDrawn ? ` (${totalNodes - nodesDrawn} filtered or hidden)` : ''}
            </span>
          </div>
          <div className="canvas-wrap">
            <Canvas
              graph={graph}
              visibility={visibility}
              highlight={view.highlight}
              selection={view.selection}
              relayout={view.relayout}
              onSelect={select}
              onExpand={expand}
              handleRef={canvas}
            />
            {totalNodes === 0 && !busy && (
              <div className="empty" data-testid="empty-state">
                {serverDown ? (
                  <>
                    <h2>The server is not reachable</h2>
                    <p>
                      Start it with <code>npm start</code>, then press Retry above.
                    </p>
                  </>
                ) : s && s.articles === 0 ? (
                  <>
                    <h2>The graph is empty</h2>
                    <p>Load a few articles to extract people, companies and events from them.</p>
                    <button type="button" className="primary" onClick={() => setSide('load')}>
                      Load articles
                    </button>
                  </>
                ) : (
                  <>
                    <h2>Start exploring</h2>
                    <p>
                      Search above for a person, company, government or place and add it to the canvas. Double-click a
                      node to expand it.
                    </p>
                    {s && (
                      <p className="muted">
                        {s.articles} articles · {s.entities} entities · {s.events} events in the graph
                      </p>
                    )}
                  </>
                )}
              </div>
            )}
            {totalNodes > 0 && nodesDrawn === 0 && (
              <div className="empty subtle">
                <p>
                  All {totalNodes} nodes are filtered out or hidden. Adjust the filters on the left or the timeline
                  range.
                </p>
              </div>
            )}
          </div>
          <Timeline
            events={timeline.state.data ?? []}
            loading={timeline.state.status === 'loading'}
            error={timeline.state.status === 'error' ? timeline.state.error : null}
            onCanvas={onCanvas}
            from={view.filters.from}
            to={view.filters.to}
            onRange={(from, to) => dispatch({ type: 'filters', filters: { ...view.filters, from, to } })}
            hiddenByRange={visibility.eventsOutsideRange}
          />
          <Legend counts={typeCounts} />
        </section>

        <aside className="sidebar right" hidden={tab !== 'graph'}>
          <div className="side-tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={side === 'details'}
              className={side === 'details' ? 'active' : ''}
              onClick={() => setSide('details')}
              data-testid="side-details"
            >
              Details
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={side === 'load'}
              className={side === 'load' ? 'active' : ''}
              onClick={() => setSide('load')}
              data-testid="side-load"
            >
              Load
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={side === 'merge'}
              className={side === 'merge' ? 'active' : ''}
              onClick={() => setSide('merge')}
              data-testid="side-merge"
            >
              Merge
            </button>
          </div>
          <div className="side-body">
            {side === 'details' && reader && (
              <ArticleReader
                articleId={reader.articleId}
                sentence={reader.sentence}
                onClose={() => setReader(null)}
                onEntity={(entity) => addHits([{ ...entity, aliases: [...entity.aliases], score: 0, mentionCount: 1 }])}
              />
            )}
            {side === 'details' && !reader && selectedNode && (
              <NodeDetails
                key={selectedNode.id}
                node={selectedNode}
                pinned={graph.pinned.includes(selectedNode.id)}
                more={graph.more[selectedNode.id] ?? 0}
                onCanvas={onCanvas}
                actions={nodeActions}
              />
            )}
            {side === 'details' && !reader && selectedEdge && (
              <EdgeDetails
                key={selectedEdge.id}
                edge={selectedEdge}
                source={graph.nodes[selectedEdge.source]}
                target={graph.nodes[selectedEdge.target]}
                onShowNode={nodeActions.onShowNode}
                onOpenEvidence={nodeActions.onOpenEvidence}
              />
            )}
            {side === 'details' && !reader && !selectedNode && !selectedEdge && (
              <div className="placeholder" data-testid="details-empty">
                <h2 className="panel-title">Details</h2>
                <p className="muted">
                  Select a node or a relationship on the canvas to see its properties, aliases and the sentences that
                  support each relationship.
                </p>
                {s && (
                  <dl className="props">
                    <div>
                      <dt>Articles</dt>
                      <dd>{s.articles}</dd>
                    </div>
                    <div>
                      <dt>Entities</dt>
                      <dd>{s.entities}</dd>
                    </div>
                    <div>
                      <dt>Events</dt>
                      <dd>{s.events}</dd>
                    </div>
                    {s.labels.map((l) => (
                      <div key={l.key}>
                        <dt>
                          <ShapeIcon label={l.key} size={12} /> {l.key}
                        </dt>
                        <dd>{l.count}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
            )}
            {side === 'load' && <LoaderPanel onLoaded={onLoaded} />}
            {side === 'merge' && (
              <MergePanel
                keep={merge.keep}
                merge={merge.merge}
                selected={selectedNode}
                message={merge.message}
                onChange={(c) => setMerge((m) => ({ ...m, ...c, message: null }))}
                onRequestMerge={() => setMerge((m) => ({ ...m, confirming: true }))}
              />
            )}
          </div>
        </aside>

        {queryOpened && (
          <section className="query-tab" hidden={tab !== 'query'}>
            <Suspense fallback={<p className="muted pad">Loading the query editor…</p>}>
              <QueryPanel
                onShowIds={(ids) => {
                  setTab('graph');
                  showIds(ids, 'Query result');
                }}
              />
            </Suspense>
          </section>
        )}
      </main>

      {pending && (
        <ConfirmDialog
          title="Draw a large graph?"
          confirmLabel={`Draw all ${pending.total.toLocaleString()}`}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            draw(pending, true);
            setPending(null);
          }}
          extra={{
            label: 'Draw the best-connected part only',
            onClick: () => {
              draw(trimToCap(graphRef.current, pending), true);
              setPending(null);
            },
          }}
        >
          <p>
            This would put {pending.total.toLocaleString()} elements on the canvas (the comfortable limit is{' '}
            {ELEMENT_CAP.toLocaleString()}). Panning and layout may become slow.
          </p>
        </ConfirmDialog>
      )}
      {merge.confirming && merge.keep && merge.merge && (
        <ConfirmDialog
          title="Merge these entities?"
          confirmLabel="Merge"
          danger
          busy={merge.busy}
          onCancel={() => setMerge((m) => ({ ...m, confirming: false }))}
          onConfirm={doMerge}
        >
          <p>
            <strong>{merge.merge.name}</strong> ({merge.merge.label}) will be merged into{' '}
            <strong>{merge.keep.name}</strong> ({merge.keep.label}).
          </p>
          <p>
            Its relationships, events and evidence move to {merge.keep.name}, and “{merge.merge.name}” becomes an alias.
            This changes the database and cannot be undone from the explorer.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
