// Legend under the canvas: shape + colour for each node type, edge width meaning, highlight colours.
import { NODE_LABELS } from '../api/types.ts';
import { ShapeIcon } from './ShapeIcon.tsx';
import { HIGHLIGHT_COLORS } from './style.ts';

export function Legend({ counts }: { counts: Record<string, number> }) {
  return (
    <section className="legend" aria-label="Legend">
      {NODE_LABELS.map((label) => (
        <span key={label} className="legend-item" data-type={label}>
          <ShapeIcon label={label} />
          {label}
          {counts[label] ? <span className="legend-count">{counts[label]}</span> : null}
        </span>
      ))}
      <span className="legend-sep" />
      <span className="legend-item" title="Edge width grows with the number of supporting articles">
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" y1="3" x2="25" y2="3" stroke="#A9B4C0" strokeWidth="1.2" />
          <line x1="1" y1="9" x2="25" y2="9" stroke="#A9B4C0" strokeWidth="4" />
        </svg>
        width = articles
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.created }} />
        new
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.merged }} />
        merged
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.path }} />
        path
      </span>
    </section>
  );
}
