// After articles were loaded: draw what changed, highlighted as new or merged.
import { useCallback } from 'react';
import * as api from '../api/explorer.ts';
import type { IngestResult } from '../api/types.ts';
import { t } from '../i18n/index.ts';
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
        setNotice({ kind: 'info', text: () => t('status.nothingChanged') });
        return;
      }
      void withBusy(
        t('status.drawingChanges'),
        async () => {
          const nodes = await api.nodesByIds([...created, ...merged]);
          await showNodes(nodes, { highlight: { created, merged } });
        },
        t('status.couldNotDrawLoaded'),
      );
    },
    [onChanged, setNotice, showNodes, withBusy],
  );
}
