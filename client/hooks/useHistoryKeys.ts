// Keyboard for the canvas: undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), hide the selection (Delete), deselect (Escape).
import { useEffect } from 'react';
import type { ViewStore } from './useView.ts';

export function useHistoryKeys(store: ViewStore, active: boolean): void {
  const { dispatch, graph } = store;
  const selection = store.view.selection;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!active || target?.closest('input, textarea, select, [contenteditable="true"], .graphiql-container')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selection && graph.nodes[selection]) {
        dispatch({ type: 'hide', ids: [selection] });
      } else if (e.key === 'Escape') {
        dispatch({ type: 'select', id: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, dispatch, graph.nodes, selection]);
}
