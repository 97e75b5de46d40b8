// What a double-click expand draws: how many neighbours per expand, and of which node types.
import { NODE_LABELS } from '../../api/types.ts';
import { ShapeIcon } from '../../graph/ShapeIcon.tsx';
import { useI18n } from '../../i18n/index.ts';
import { typeName } from '../../i18n/labels.ts';

export interface ExpandPanelProps {
  limit: number;
  limits: readonly number[];
  onLimit: (limit: number) => void;
  types: readonly string[];
  onToggleType: (label: string) => void;
}

export function ExpandPanel({ limit, limits, onLimit, types, onToggleType }: ExpandPanelProps) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted small">{t('expand.help')}</p>
      <label className="field compact">
        <span>{t('expand.limit')}</span>
        <select value={limit} onChange={(e) => onLimit(Number(e.target.value))} data-testid="expand-limit">
          {limits.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="chips" data-testid="expand-types">
        {NODE_LABELS.map((label) => (
          <label key={label} className={`chip${types.includes(label) ? ' on' : ''}`} data-type={label}>
            <input type="checkbox" checked={types.includes(label)} onChange={() => onToggleType(label)} />
            <ShapeIcon label={label} size={12} /> {typeName(label)}
          </label>
        ))}
      </div>
    </>
  );
}
