// Exports of the view: PNG of the drawing, JSON of the elements with positions, and the link to it.
import { type RefObject, useCallback } from 'react';
import type { CanvasHandle } from '../graph/Canvas.tsx';
import { t } from '../i18n/index.ts';
import { buildExport } from '../state/exportView.ts';
import type { Status } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

export interface Exporting {
  exportPng: () => void;
  exportJson: () => void;
  copyLink: () => void;
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

export function useExport(store: ViewStore, status: Status, canvas: RefObject<CanvasHandle | null>): Exporting {
  const { graph, view } = store;
  const { withBusy, setNotice } = status;
  const exportPng = useCallback(() => {
    void withBusy(
      t('status.renderingPng'),
      async () => {
        const blob = await canvas.current?.exportPng();
        if (blob) downloadBlob(blob, 'newsgraph-view.png');
      },
      t('status.pngFailed'),
    );
  }, [canvas, withBusy]);
  const exportJson = useCallback(() => {
    const data = buildExport(graph, view.filters, canvas.current?.positions() ?? {}, window.location.href);
    downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'newsgraph-view.json');
  }, [canvas, graph, view.filters]);
  const copyLink = useCallback(() => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => setNotice({ kind: 'info', text: () => t('status.linkCopied') }),
      () => setNotice({ kind: 'info', text: () => t('status.copyThisLink', { url: window.location.href }) }),
    );
  }, [setNotice]);
  return { exportPng, exportJson, copyLink };
}
