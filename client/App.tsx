// The explorer application: wires the view state, the action hooks and the layout; it holds no logic of its own.
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import type { CanvasHandle } from './graph/Canvas.tsx';
import { useCanvasCounts } from './hooks/useCanvasCounts.ts';
import { useDraw } from './hooks/useDraw.ts';
import { useExpand } from './hooks/useExpand.ts';
import { useExport } from './hooks/useExport.ts';
import { useHistoryKeys } from './hooks/useHistoryKeys.ts';
import { useLoad } from './hooks/useLoad.ts';
import { useMerge } from './hooks/useMerge.ts';
import { useNewArticles } from './hooks/useNewArticles.ts';
import { useOverview } from './hooks/useOverview.ts';
import { usePanels } from './hooks/usePanels.ts';
import { usePaths } from './hooks/usePaths.ts';
import { useSplit } from './hooks/useSplit.ts';
import { useStatus } from './hooks/useStatus.ts';
import { useUrlState } from './hooks/useUrlState.ts';
import { useView } from './hooks/useView.ts';
import { useI18n } from './i18n/index.ts';
import { Banners } from './layout/Banners.tsx';
import { CanvasArea } from './layout/CanvasArea.tsx';
import { Dialogs } from './layout/Dialogs.tsx';
import { LeftSidebar } from './layout/LeftSidebar.tsx';
import { RightPanel } from './layout/RightPanel.tsx';
import { TopBar } from './layout/TopBar.tsx';
import type { NodeActions } from './panels/details/DetailsPanel.tsx';

const QueryPanel = lazy(() => import('./panels/query/QueryPanel.tsx'));

export function App() {
  // Every panel below re-renders on a language switch: they read their words from the dictionary while rendering.
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  const store = useView();
  const { view, graph, dispatch, graphRef } = store;
  const canvas = useRef<CanvasHandle | null>(null);
  const status = useStatus();
  const overview = useOverview();
  const panels = usePanels();
  const drawing = useDraw(store, status, canvas);
  const expanding = useExpand(store, drawing, status);
  const paths = usePaths(store, drawing);
  const merging = useMerge(store, overview.refresh);
  const splitting = useSplit(store, overview.refresh);
  const onLoaded = useLoad(drawing, status, overview.refresh);
  const newArticles = useNewArticles(onLoaded);
  const exporting = useExport(store, status, canvas);
  const counts = useCanvasCounts(graph, overview.stats.data, overview.timeline.data);
  useUrlState(store, status);
  useHistoryKeys(store, panels.tab === 'graph');

  const { showDetails, setSide, setTab } = panels;
  const select = useCallback(
    (id: string | null) => {
      dispatch({ type: 'select', id });
      if (id) showDetails();
    },
    [dispatch, showDetails],
  );
  const openLoader = useCallback(() => {
    setTab('graph');
    setSide('load');
  }, [setSide, setTab]);

  const nodeActions: NodeActions = {
    onExpand: expanding.expand,
    onHide: (id) => dispatch({ type: 'hide', ids: [id] }),
    onTogglePin: (id) => dispatch({ type: 'togglePin', ids: [id] }),
    onPathEnd: (end, node) => paths.change({ [end]: node }),
    onMergeSlot: (slot, node) => {
      merging.change({ [slot]: node });
      setSide('merge');
    },
    onShowNode: (node) => {
      if (graphRef.current.nodes[node.id]) {
        dispatch({ type: 'select', id: node.id });
        canvas.current?.center(node.id);
      } else {
        void status.withBusy(t('status.addingToCanvas'), () => drawing.showNodes([node]), t('status.couldNotAdd'));
      }
    },
    onOpenEvidence: panels.setReader,
    onSplit: splitting.split,
  };

  const offGraph = panels.tab !== 'graph';
  const selectedNode = view.selection ? (graph.nodes[view.selection] ?? null) : null;
  return (
    <div className="app">
      <TopBar
        tab={panels.tab}
        onTab={setTab}
        onPick={drawing.addHits}
        onOpenLoader={openLoader}
        exporting={exporting}
        canExport={Object.keys(graph.nodes).length > 0}
      />
      <Banners
        serverError={overview.stats.status === 'error' ? overview.stats.error : null}
        onRetry={overview.refresh}
        notice={status.notice}
        onDismiss={() => status.setNotice(null)}
        newArticles={newArticles}
      />
      <main
        className={`workspace mode-${panels.tab}${panels.leftOpen ? '' : ' left-closed'}${panels.rightOpen ? '' : ' right-closed'}`}
      >
        <LeftSidebar
          hidden={offGraph || !panels.leftOpen}
          filters={view.filters}
          onFilters={(filters) => dispatch({ type: 'filters', filters })}
          counts={counts}
          expanding={expanding}
          paths={paths}
          selectedNode={selectedNode}
          pathShown={view.highlight.pathNodes.length > 0}
        />
        <CanvasArea
          hidden={offGraph}
          store={store}
          canvas={canvas}
          panels={panels}
          busy={status.busy}
          stats={overview.stats}
          timeline={overview.timeline}
          typeCounts={counts.types}
          onSelect={select}
          onExpand={expanding.expand}
          onOpenLoader={openLoader}
          onPick={drawing.addHits}
        />
        <RightPanel
          hidden={offGraph}
          store={store}
          panels={panels}
          merging={merging}
          nodeActions={nodeActions}
          stats={overview.stats.data}
          onLoaded={onLoaded}
          onAddHits={drawing.addHits}
        />
        {panels.queryOpened && (
          <section className="query-tab" hidden={panels.tab !== 'query'}>
            <Suspense fallback={<p className="muted pad">{t('app.loadingQueryEditor')}</p>}>
              <QueryPanel
                onShowIds={(ids) => {
                  setTab('graph');
                  drawing.showIds(ids, 'app.queryResult');
                }}
              />
            </Suspense>
          </section>
        )}
      </main>
      <Dialogs pending={drawing.pending} onPending={drawing.resolvePending} merging={merging} />
    </div>
  );
}
