// Legend under the canvas: shape + colour per node type, what lines, rings and size mean, highlight colours.
import { NODE_LABELS } from '../api/types.ts';
import { useI18n } from '../i18n/index.ts';
import { typeName } from '../i18n/labels.ts';
import { ShapeIcon } from './ShapeIcon.tsx';
import { HIGHLIGHT_COLORS } from './style.ts';

export function Legend({ counts }: { counts: Record<string, number> }) {
  const { t } = useI18n();
  return (
    <section className="legend" aria-label={t('legend.label')}>
      {NODE_LABELS.map((label) => (
        <span key={label} className="legend-item" data-type={label}>
          <ShapeIcon label={label} />
          {typeName(label)}
          {counts[label] ? <span className="legend-count">{counts[label]}</span> : null}
        </span>
      ))}
      <span className="legend-sep" />
      <span className="legend-item" title={t('legend.widthTitle')}>
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" y1="3" x2="25" y2="3" stroke="#A9B4C0" strokeWidth="1.2" />
          <line x1="1" y1="9" x2="25" y2="9" stroke="#A9B4C0" strokeWidth="4" />
        </svg>
        {t('legend.width')}
      </span>
      <span className="legend-item" title={t('legend.coMentionTitle')}>
        <svg width="26" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="25" y2="6" stroke="#CBD2D9" strokeWidth="1" strokeDasharray="4 3" />
        </svg>
        {t('legend.coMention')}
      </span>
      <span className="legend-item" title={t('legend.moreTitle')}>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" fill="#fff" stroke="#52606D" strokeWidth="1.5" strokeDasharray="3 2" />
        </svg>
        {t('legend.more')}
      </span>
      <span className="legend-item" title={t('legend.pinnedTitle')}>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" fill="#fff" stroke="#323F4B" strokeWidth="3" />
        </svg>
        {t('legend.pinned')}
      </span>
      <span className="legend-item" title={t('legend.sizeTitle')}>
        <svg width="20" height="14" aria-hidden="true">
          <circle cx="5" cy="9" r="3" fill="#fff" stroke="#52606D" />
          <circle cx="13" cy="7" r="6" fill="#fff" stroke="#52606D" />
        </svg>
        {t('legend.size')}
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.created }} />
        {t('legend.new')}
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.merged }} />
        {t('legend.merged')}
      </span>
      <span className="legend-item">
        <i className="dot" style={{ background: HIGHLIGHT_COLORS.path }} />
        {t('legend.path')}
      </span>
    </section>
  );
}
