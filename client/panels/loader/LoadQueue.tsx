// The Load panel's progress list: one row per article being loaded, then what the batch changed in the graph.
import type { IngestArticleInput, IngestResult } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.ts';
import { Rich } from '../../i18n/Rich.tsx';

export interface QueueItem {
  key: number;
  name: string;
  /** Pasted or dropped text, or the address of a page the server fetches. */
  input: IngestArticleInput | { url: string };
  status: 'waiting' | 'loading' | 'done' | 'error';
  result?: IngestResult;
  error?: string;
}

export function LoadQueue({ queue, running }: { queue: readonly QueueItem[]; running: boolean }) {
  const { t } = useI18n();
  const done = queue.filter((q) => q.status === 'done' || q.status === 'error').length;
  const results = queue.filter((q) => q.result).map((q) => q.result as IngestResult);
  const sum = (f: (r: IngestResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return (
    <section className="queue" data-testid="loader-queue">
      <div className="progress" title={t('loader.progressTitle')}>
        <div className="progress-bar" style={{ width: `${(100 * done) / queue.length}%` }} />
      </div>
      <div className="small muted">{t('loader.progress', { done, total: queue.length })}</div>
      <ul>
        {queue.map((q) => (
          <li key={q.key} className={`queue-item ${q.status}`} data-testid="loader-item" data-status={q.status}>
            <span className="queue-status">
              {t(
                q.status === 'done'
                  ? q.result?.status === 'unchanged'
                    ? 'loader.status.unchanged'
                    : 'loader.status.loaded'
                  : `loader.status.${q.status}`,
              )}
            </span>
            <span className="queue-name">{q.result?.title || q.name}</span>
            {q.error && <div className="error-text small">{q.error}</div>}
            {q.result && (
              <div className="small muted">
                {t('loader.resultLine', {
                  entities: q.result.entitiesCreated,
                  merged: q.result.entitiesMerged,
                  relations: q.result.relationsCreated,
                  reinforced: q.result.relationsMerged,
                  events: q.result.eventsCreated,
                })}
              </div>
            )}
          </li>
        ))}
      </ul>
      {!running && results.length > 0 && sum((r) => r.createdNodeIds.length + r.mergedNodeIds.length) === 0 && (
        <div className="summary" data-testid="loader-summary">
          <strong>{t('loader.nothingChangedHead')}</strong>{' '}
          {t(results.length === 1 ? 'loader.already.one' : 'loader.already.other')}
        </div>
      )}
      {!running && results.length > 0 && sum((r) => r.createdNodeIds.length + r.mergedNodeIds.length) > 0 && (
        <div className="summary" data-testid="loader-summary">
          <strong>{t('loader.whatChangedHead')}</strong>{' '}
          <Rich
            k={results.length === 1 ? 'loader.whatChanged.one' : 'loader.whatChanged.other'}
            slots={{
              created: sum((r) => r.createdNodeIds.length),
              merged: sum((r) => r.mergedNodeIds.length),
              count: results.length,
              newSwatch: <span className="swatch created" />,
              mergedSwatch: <span className="swatch merged" />,
            }}
          />
        </div>
      )}
    </section>
  );
}
