// The bar above the canvas: undo/redo, zoom and layout, hide/pin/clear, what is running, and what is drawn.
import type { RefObject } from 'react';
import type { CanvasHandle } from '../graph/Canvas.tsx';
import type { Panels } from '../hooks/usePanels.ts';
import type { ViewStore } from '../hooks/useView.ts';
import { canRedo, canUndo } from '../state/history.ts';

export interface CanvasToolbarProps {
  store: ViewStore;
  canvas: RefObject<CanvasHandle | null>;
  busy: string | null;
  panels: Panels;
}

export function CanvasToolbar({ store, canvas, busy, panels }: CanvasToolbarProps) {
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
        title={panels.leftOpen ? 'Hide filters, expand and paths' : 'Show filters, expand and paths'}
        data-testid="toggle-left"
      >
        {panels.leftOpen ? '◧ Hide panel' : '◧ Filters & paths'}
      </button>
      <span className="toolbar-sep" />
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
      <button type="button" onClick={() => canvas.current?.fit()} disabled={empty}>
        Fit
      </button>
      <button
        type="button"
        onClick={() => canvas.current?.zoomBy(1.25)}
        disabled={empty}
        aria-label="Zoom in"
        title="Zoom in"
      >
        +
      </button>
      <button
        type="button"
        onClick={() => canvas.current?.zoomBy(0.8)}
        disabled={empty}
        aria-label="Zoom out"
        title="Zoom out"
      >
        −
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'relayout' })}
        disabled={empty}
        title="Lay out everything again (pinned nodes stay)"
      >
        Re-layout
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        onClick={() => selectedNode && dispatch({ type: 'hide', ids: [selectedNode.id] })}
        disabled={!selectedNode}
        data-testid="hide"
      >
        Hide
      </button>
      <button
        type="button"
        onClick={() => selectedNode && dispatch({ type: 'togglePin', ids: [selectedNode.id] })}
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
      <button type="button" onClick={() => dispatch({ type: 'clear' })} disabled={empty} data-testid="clear-canvas">
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
        {nodesDrawn} nodes · {visibility.edges.size} edges
        {totalNodes > nodesDrawn ? ` (${totalNodes - nodesDrawn} filtered or hidden)` : ''}
      </span>
    </div>
  );
}
