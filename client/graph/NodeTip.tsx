// The tip under a hovered node: its full name, type, how many articles back it, and what is not drawn yet.
import type { GraphNode } from '../api/types.ts';
import { plural, showDate, useI18n } from '../i18n/index.ts';
import { typeName } from '../i18n/labels.ts';
import type { HoverTip } from './hover.ts';
import { kindLabel } from './types.ts';

export function NodeTip({ tip, node, more }: { tip: HoverTip; node: GraphNode; more: number }) {
  const { t } = useI18n();
  const articles =
    node.label === 'Event'
      ? plural(node.weight, 'tip.reportedBy.one', 'tip.reportedBy.other')
      : node.label === 'Article'
        ? null
        : plural(node.weight, 'tip.mentionedIn.one', 'tip.mentionedIn.other');
  return (
    <div className="node-tip" style={{ left: tip.x, top: tip.y }} data-testid="node-tip" role="tooltip">
      <strong>{node.name}</strong>
      <span className="muted">
        {typeName(node.label)}
        {node.kind ? ` · ${kindLabel(node.kind)}` : ''}
        {node.date ? ` · ${showDate(node.date)}` : ''}
      </span>
      {articles && <span className="muted">{articles}</span>}
      {more > 0 && <span className="muted">{t('tip.more', { count: more })}</span>}
    </div>
  );
}
