// The view state (undoable canvas, filters, selection, highlight) and a ref to the latest canvas for async actions.
import { type Dispatch, type RefObject, useMemo, useReducer, useRef } from 'react';
import { computeVisibility, type Visibility } from '../state/filters.ts';
import type { CanvasGraph } from '../state/graph.ts';
import { INITIAL_VIEW, type ViewAction, type ViewState, viewReducer } from '../state/view.ts';

export interface ViewStore {
  readonly view: ViewState;
  /** The canvas now (view.history.present). */
  readonly graph: CanvasGraph;
  readonly visibility: Visibility;
  readonly dispatch: Dispatch<ViewAction>;
  /** The canvas as of the last render: what an action that awaited the server must compare against. */
  readonly graphRef: RefObject<CanvasGraph>;
}

export function useView(): ViewStore {
  const [view, dispatch] = useReducer(viewReducer, INITIAL_VIEW);
  const graph = view.history.present;
  const graphRef = useRef<CanvasGraph>(graph);
  graphRef.current = graph;
  const visibility = useMemo(() => computeVisibility(graph, view.filters), [graph, view.filters]);
  return { view, graph, visibility, dispatch, graphRef };
}
