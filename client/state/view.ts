// The explorer's view state and its reducer: undoable canvas contents, filters, selection, highlights.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { type Filters, NO_FILTERS } from './filters.ts';
import {
  addElements,
  type CanvasGraph,
  EMPTY_GRAPH,
  hideNodes,
  removeNodes,
  replaceEdgesTouching,
  showAllNodes,
  togglePinned,
} from './graph.ts';
import { createHistory, type History, mapHistory, push, redo, replacePresent, undo } from './history.ts';

/** Transient emphasis on the canvas; not part of undo or of the URL. */
export interface Highlight {
  readonly created: readonly string[];
  readonly merged: readonly string[];
  readonly pathNodes: readonly string[];
  readonly pathEdges: readonly string[];
}

export const NO_HIGHLIGHT: Highlight = Object.freeze({ created: [], merged: [], pathNodes: [], pathEdges: [] });

export interface ViewState {
  readonly history: History<CanvasGraph>;
  readonly filters: Filters;
  readonly selection: string | null;
  readonly highlight: Highlight;
  /** Bumped when the user asks for a fresh full layout. */
  readonly relayout: number;
}

export const INITIAL_VIEW: ViewState = Object.freeze({
  history: createHistory(EMPTY_GRAPH),
  filters: NO_FILTERS,
  selection: null,
  highlight: NO_HIGHLIGHT,
  relayout: 0,
});

export type ViewAction =
  | {
      type: 'add';
      nodes: readonly GraphNode[];
      edges: readonly GraphEdge[];
      more?: Record<string, number>;
      highlight?: Partial<Highlight>;
      select?: string;
    }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'hide'; ids: readonly string[] }
  | { type: 'showAll' }
  | { type: 'togglePin'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'filters'; filters: Filters }
  | { type: 'select'; id: string | null }
  | { type: 'highlight'; highlight: Partial<Highlight> | null }
  | {
      type: 'merged';
      keptNode: GraphNode | null;
      keptId: string;
      mergedIds: readonly string[];
      edges: readonly GraphEdge[];
    }
  | { type: 'restore'; graph: CanvasGraph; filters: Filters; selection: string | null }
  | { type: 'relayout' };

function step(state: ViewState, next: CanvasGraph): ViewState {
  return next === state.history.present ? state : { ...state, history: push(state.history, next) };
}

/** Keeps the selection only while it still names something on the canvas. */
function validSelection(graph: CanvasGraph, selection: string | null): string | null {
  if (selection === null) return null;
  return graph.nodes[selection] || graph.edges[selection] ? selection : null;
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  const graph = state.history.present;
  switch (action.type) {
    case 'add': {
      const next = step(state, addElements(graph, action, action.more));
      // A new highlight replaces the old one; plain additions keep "new/merged" marks but end a
      // path highlight, which would otherwise dim everything just drawn.
      const highlight = action.highlight
        ? { ...NO_HIGHLIGHT, ...action.highlight }
        : next.highlight.pathNodes.length > 0
          ? { ...next.highlight, pathNodes: [], pathEdges: [] }
          : next.highlight;
      return { ...next, highlight, selection: action.select ?? next.selection };
    }
    case 'remove': {
      const next = step(state, removeNodes(graph, action.ids));
      return { ...next, selection: validSelection(next.history.present, next.selection) };
    }
    case 'hide': {
      const next = step(state, hideNodes(graph, action.ids));
      return { ...next, selection: action.ids.includes(next.selection ?? '') ? null : next.selection };
    }
    case 'showAll':
      return step(state, showAllNodes(graph));
    case 'togglePin':
      return step(state, togglePinned(graph, action.ids));
    case 'clear':
      return { ...step(state, EMPTY_GRAPH), selection: null, highlight: NO_HIGHLIGHT };
    case 'undo': {
      const history = undo(state.history);
      return { ...state, history, selection: validSelection(history.present, state.selection) };
    }
    case 'redo': {
      const history = redo(state.history);
      return { ...state, history, selection: validSelection(history.present, state.selection) };
    }
    case 'filters':
      return { ...state, filters: action.filters };
    case 'select':
      return state.selection === action.id ? state : { ...state, selection: action.id };
    case 'highlight':
      return { ...state, highlight: action.highlight ? { ...NO_HIGHLIGHT, ...action.highlight } : NO_HIGHLIGHT };
    case 'merged': {
      // Draw the kept entity if either side was on the canvas, so the merge stays visible.
      const wasDrawn = [action.keptId, ...action.mergedIds].some((id) => graph.nodes[id]);
      // The merged nodes no longer exist on the server: forget them in every undo step too,
      // otherwise undo would bring back a node the server cannot explain.
      let history = mapHistory(state.history, (g) => removeNodes(g, action.mergedIds));
      let present = history.present;
      if (action.keptNode && wasDrawn) {
        present = addElements(present, { nodes: [action.keptNode], edges: [] });
      }
      present = replaceEdgesTouching(present, [action.keptId], action.edges);
      history = replacePresent(history, present);
      const selection = action.mergedIds.includes(state.selection ?? '') ? action.keptId : state.selection;
      return { ...state, history, selection: validSelection(present, selection) };
    }
    case 'restore':
      return {
        ...state,
        history: createHistory(action.graph),
        filters: action.filters,
        selection: validSelection(action.graph, action.selection),
        highlight: NO_HIGHLIGHT,
      };
    case 'relayout':
      return { ...state, relayout: state.relayout + 1 };
  }
}
