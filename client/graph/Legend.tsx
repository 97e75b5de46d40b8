// Legend under the canvas: shape + colour per node type, what lines, rings and size mean, highlight colours.
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
      <span className="legend-item" title="Two names in one sentence with no relation stated (Filters › Co-mentions)">
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="25" y2="6" stroke="#CBD2D9" strokeWidth="1" strokeDasharray="4 3" />
        </svg>
        co-mention
      </span>
      <span className="legend-item" title="A dashed ring: the node has neighbours not drawn yet (double-click)">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" fill="#fff" stroke="#52606D" strokeWidth="1.5" strokeDasharray="3 2" />
        </svg>
        more not drawn
      </span>
      <span className="legend-item" title="A double ring: pinned, layouts leave it in place">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" fill="#fff" stroke="#323F4B" strokeWidth="3" />
        </svg>
        pinned
      </span>
      <span className="legend-item" title="Node size grows with mentions, on a log scale over what is drawn">
        <svg width="20" height="14" aria-hidden="true">
          <circle cx="5" cy="9" r="3" fill="#fff" stroke="#52606D" />
          <circle cx="13" cy="7" r="6" fill="#fff" stroke="#52606D" />
        </svg>
        size = mentions
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
