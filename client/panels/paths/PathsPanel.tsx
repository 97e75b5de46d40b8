// Shortest paths between two chosen entities, up to N hops; the result is drawn highlighted on the canvas.
import type { GraphNode } from '../../api/types.ts';
import type { Message } from '../../hooks/useStatus.ts';
import { plural, useI18n } from '../../i18n/index.ts';
import { EntitySlot } from '../EntitySlot.tsx';

export interface PathsPanelProps {
  from: GraphNode | null;
  to: GraphNode | null;
  maxHops: number;
  selected: GraphNode | null;
  onChange: (change: { from?: GraphNode | null; to?: GraphNode | null; maxHops?: number }) => void;
  onFind: () => void;
  onClear: () => void;
  busy: boolean;
  /** Outcome of the last search, shown under the button. */
  message: Message | null;
  highlighted: boolean;
  /** Paths may go through co-mentions (the Co-mentions filter is on). */
  coMentions: boolean;
}

export const MAX_PATH_HOPS = 6;

export function PathsPanel({
  from,
  to,
  maxHops,
  selected,
  onChange,
  onFind,
  onClear,
  busy,
  message,
  highlighted,
  coMentions,
}: PathsPanelProps) {
  const { t } = useI18n();
  return (
    <div className="paths" data-testid="paths">
      <EntitySlot
        label={t('paths.from')}
        node={from}
        selected={selected}
        onChange={(n) => onChange({ from: n })}
        testId="path-from"
      />
      <EntitySlot
        label={t('paths.to')}
        node={to}
        selected={selected}
        onChange={(n) => onChange({ to: n })}
        testId="path-to"
      />
      <div className="field-row align-end">
        <label className="field compact">
          <span>{t('paths.upTo')}</span>
          <select
            value={maxHops}
            onChange={(e) => onChange({ maxHops: Number(e.target.value) })}
            data-testid="path-hops"
          >
            {Array.from({ length: MAX_PATH_HOPS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {plural(n, 'paths.hops.one', 'paths.hops.other')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={!from || !to || busy || from.id === to.id}
          onClick={onFind}
          data-testid="path-find"
        >
          {busy ? t('common.searching') : t('paths.find')}
        </button>
        {highlighted && (
          <button type="button" className="link" onClick={onClear}>
            {t('paths.clear')}
          </button>
        )}
      </div>
      <p className="muted small" data-testid="path-through">
        {coMentions ? t('paths.throughWith') : t('paths.throughWithout')}
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'error-text small' : 'note small'} data-testid="path-message">
          {message.text()}
        </p>
      )}
    </div>
  );
}
