// After articles were loaded: draw what changed, highlighted as new or merged.
import { useCallback } from 'react';
import * as api from '../api/explorer.ts';
import type { IngestResult } from '../api/types.ts';
import type { Drawing } from './useDraw.ts';
import type { Status } from './useStatus.ts';

export function useLoad(drawing: Drawing, status: Status, onChanged: () => void): (results: IngestResult[]) => void {
  const { showNodes } = drawing;
  const { withBusy, setNotice } = status;
  return useCallback(
    (results: IngestResult[]) => {
      const created = [...new Set(results.flatMap((r) => r.createdNodeIds))];
      const merged = [...new Set(results.flatMap((r) => r.mergedNodeIds))].filter((id) => !created.includes(id));
      onChanged();
      if (created.length + merged.length === 0) {
        setNotice({ kind: 'info', text: 'Nothing changed in the graph: the articles were already loaded.' });
        return;
      }
      void withBusy(
        'Drawing what changed…',
        async () => {
          const nodes = await api.nodesByIds([...created, ...merged]);
          await showNodes(nodes, { highlight: { created, merged } });
        },
        'Could not draw the loaded articles',
      );
    },
    [onChanged, setNotice, showNodes, withBusy],
  );
}
