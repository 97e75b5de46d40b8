// What a merged entity was merged from, with a Split button that undoes the newest merge.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import * as api from '../../api/explorer.ts';
import type { GraphNode, MergeRecordInfo } from '../../api/types.ts';
import { useLatest } from '../../api/useLatest.ts';
import type { Message } from '../../hooks/useStatus.ts';
import { showDate, useI18n } from '../../i18n/index.ts';

export function MergedFrom({
  node,
  onSplit,
}: {
  node: GraphNode;
  onSplit: (id: string, mergeId: string) => Promise<string>;
}) {
  const { t } = useI18n();
  const { state, run } = useLatest<MergeRecordInfo[]>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // Reloads whenever the canvas hands over a new node object: a merge or a split redraws the kept entity.
  useEffect(() => {
    void run((signal) => api.mergeHistory(node.id, signal));
  }, [node, run]);

  const records = state.data ?? [];
  const newest = records.at(-1);
  const shown = message && <p className={message.kind === 'error' ? 'error-text' : 'note'}>{message.text()}</p>;
  if (!newest) return shown || null;

  const split = () => {
    setBusy(true);
    setMessage(null);
    onSplit(node.id, newest.mergeId)
      .then((text) => setMessage({ kind: 'info', text: () => text }))
      .catch((error) => setMessage({ kind: 'error', text: () => t('split.failed', { error: errorMessage(error) }) }))
      .finally(() => {
        setBusy(false);
        void run((signal) => api.mergeHistory(node.id, signal));
      });
  };
  return (
    <section className="merged-from" data-testid="merged-from">
      <h3>{t('split.title')}</h3>
      <ul>
        {records.map((record) => (
          <li key={record.mergeId}>
            {record.absorbed.map((e) => e.name).join(', ')}{' '}
            <span className="muted">({showDate(record.mergedAt.slice(0, 10))})</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={split}
        disabled={busy}
        title={t('split.hint', { names: newest.absorbed.map((e) => e.name).join(', ') })}
      >
        {busy ? t('split.busy') : t('split.button')}
      </button>
      {shown}
    </section>
  );
}
