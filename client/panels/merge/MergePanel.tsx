// Merge two entities the extractor kept apart: choose which to keep, confirm, then the canvas redraws.
import { ENTITY_TYPES, type GraphNode } from '../../api/types.ts';
import type { Message } from '../../hooks/useStatus.ts';
import { useI18n } from '../../i18n/index.ts';
import { typeName } from '../../i18n/labels.ts';
import { EntitySlot } from '../EntitySlot.tsx';

export interface MergePanelProps {
  keep: GraphNode | null;
  merge: GraphNode | null;
  selected: GraphNode | null;
  onChange: (change: { keep?: GraphNode | null; merge?: GraphNode | null }) => void;
  onRequestMerge: () => void;
  message: Message | null;
}

export function MergePanel({ keep, merge, selected, onChange, onRequestMerge, message }: MergePanelProps) {
  const { t } = useI18n();
  const sameType = !keep || !merge || keep.label === merge.label;
  return (
    <div className="merge" data-testid="merge">
      <h2 className="panel-title">{t('merge.title')}</h2>
      <p className="muted small">{t('merge.help')}</p>
      <EntitySlot
        label={t('merge.keep')}
        node={keep}
        selected={selected}
        onChange={(n) => onChange({ keep: n })}
        testId="merge-keep"
        types={ENTITY_TYPES}
      />
      <EntitySlot
        label={t('merge.into')}
        node={merge}
        selected={selected}
        onChange={(n) => onChange({ merge: n })}
        testId="merge-other"
        types={ENTITY_TYPES}
      />
      {keep && merge && (
        <button type="button" className="link small" onClick={() => onChange({ keep: merge, merge: keep })}>
          {t('merge.swap')}
        </button>
      )}
      {!sameType && (
        <p className="note small">
          {t('merge.differentTypes', { a: typeName(keep?.label ?? ''), b: typeName(merge?.label ?? '') })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!keep || !merge || keep.id === merge.id}
          onClick={onRequestMerge}
          data-testid="merge-start"
        >
          {t('common.mergeAsk')}
        </button>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'error-text small' : 'note small'} data-testid="merge-message">
          {message.text()}
        </p>
      )}
    </div>
  );
}
