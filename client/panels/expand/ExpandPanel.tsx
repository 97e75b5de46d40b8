// What a double-click expand draws: how many neighbours per expand, and of which node types.
import { NODE_LABELS } from '../../api/types.ts';
import { ShapeIcon } from '../../graph/ShapeIcon.tsx';

export interface ExpandPanelProps {
  limit: number;
  limits: readonly number[];
  onLimit: (limit: number) => void;
  types: readonly string[];
  onToggleType: (label: string) => void;
}

export function ExpandPanel({ limit, limits, onLimit, types, onToggleType }: ExpandPanelProps) {
  return (
    <>
      <p className="muted small">Double-click a node to draw its neighbours.</p>
      <label className="field compact">
        <span>Neighbours per expand</span>
        <select value={limit} onChange={(e) => onLimit(Number(e.target.value))} data-testid="expand-limit">
          {limits.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="chips" data-testid="expand-types">
        {NODE_LABELS.map((t) => (
          <label key={t} className={`chip${types.includes(t) ? ' on' : ''}`}>
            <input type="checkbox" checked={types.includes(t)} onChange={() => onToggleType(t)} />
            <ShapeIcon label={t} size={12} /> {t}
          </label>
        ))}
      </div>
    </>
  );
}
