// The bar above the canvas: undo/redo, zoom and layout, hide/pin/clear, what is running, and what is drawn.
import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/Canvas.tsx';
import type { Panels } from '../hooks/usePanels.ts';
import type { ViewStore } from '../hooks/useView.ts';
import { plural, useI18n } from '../i18n/index.ts';
import { canRedo, canUndo } from '../state/history.ts';

export interface CanvasToolbarProps {
  store: ViewStore;
  canvas: RefObject<CanvasHandle | null>;
  busy: string | null;
  panels: Panels;
}

export function CanvasToolbar({ store, canvas, busy, panels }: CanvasToolbarProps) {
  const { t } = useI18n();
  const { view, graph, visibility, dispatch } = store;
  const selectedNode = view.selection ? (graph.nodes[view.selection] ?? null) : null;
  const totalNodes = Object.keys(graph.nodes).length;
  const nodesDrawn = visibility.nodes.size;
  const empty = totalNodes === 0;
  return (
    <div className="toolbar" data-testid="toolbar">
      <button
        type="button"
        onClick={panels.toggleLeft}
        aria-pressed={panels.leftOpen}
        title={panels.leftOpen ? t('toolbar.hidePanelTitle') : t('toolbar.showPanelTitle')}
        data-testid="toggle-left"
      >
        {panels.leftOpen ? t('toolbar.hidePanel') : t('toolbar.filtersPaths')}
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        onClick={() => dispatch({ type: 'undo' })}
        disabled={!canUndo(view.history)}
        title={t('toolbar.undoTitle')}
        data-testid="undo"
      >
        {t('toolbar.undo')}
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'redo' })}
        disabled={!canRedo(view.history)}
        title={t('toolbar.redoTitle')}
        data-testid="redo"
      >
        {t('toolbar.redo')}
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => canvas.current?.fit()} disabled={empty}>
        {t('toolbar.fit')}
      </button>
      <button
        type="button"
        onClick={() => canvas.current?.zoomBy(1.25)}
        disabled={empty}
        aria-label={t('toolbar.zoomIn')}
        title={t('toolbar.zoomIn')}
      >
        +
      </button>
      <button
        type="button"
        onClick={() => canvas.current?.zoomBy(0.8)}
        disabled={empty}
        aria-label={t('toolbar.zoomOut')}
        title={t('toolbar.zoomOut')}
      >
        −
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'relayout' })}
        disabled={empty}
        title={t('toolbar.relayoutTitle')}
      >
        {t('toolbar.relayout')}
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        onClick={() => selectedNode && dispatch({ type: 'hide', ids: [selectedNode.id] })}
        disabled={!selectedNode}
        data-testid="hide"
      >
        {t('common.hide')}
      </button>
      <button
        type="button"
        onClick={() => selectedNode && dispatch({ type: 'togglePin', ids: [selectedNode.id] })}
        disabled={!selectedNode}
        data-testid="pin"
      >
        {selectedNode && graph.pinned.includes(selectedNode.id) ? t('common.unpin') : t('common.pin')}
      </button>
      {graph.hidden.length > 0 && (
        <button type="button" onClick={() => dispatch({ type: 'showAll' })} data-testid="show-hidden">
          {t('toolbar.showHidden', { count: graph.hidden.length })}
        </button>
      )}
      <button type="button" onClick={() => dispatch({ type: 'clear' })} disabled={empty} data-testid="clear-canvas">
        {t('common.clear')}
      </button>
      <span className="spacer" />
      {busy && (
        <span className="busy" data-testid="busy">
          <span className="spinner" />
          {busy}
        </span>
      )}
      <span className="status" data-testid="canvas-status">
        {plural(nodesDrawn, 'toolbar.nodes.one', 'toolbar.nodes.other')} ·{' '}
        {plural(visibility.edges.size, 'toolbar.edges.one', 'toolbar.edges.other')}
        {totalNodes > nodesDrawn ? ` ${t('toolbar.filteredOut', { count: totalNodes - nodesDrawn })}` : ''}
      </span>
    </div>
  );
}
