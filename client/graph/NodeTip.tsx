// The tip under a hovered node: its full name, type, how many articles back it, and what is not drawn yet.
import type { GraphNode } from '../api/types.ts';
import type { HoverTip } from './hover.ts';
import { kindLabel } from './types.ts';

export function NodeTip({ tip, node, more }: { tip: HoverTip; node: GraphNode; more: number }) {
  const articles =
    node.label === 'Event'
      ? `reported by ${node.weight} article${node.weight === 1 ? '' : 's'}`
      : node.label === 'Article'
        ? null
        : `mentioned in ${node.weight} article${node.weight === 1 ? '' : 's'}`;
  return (
    <div className="node-tip" style={{ left: tip.x, top: tip.y }} data-testid="node-tip" role="tooltip">
      <strong>{node.name}</strong>
      <span className="muted">
        {node.label}
        {node.kind ? ` · ${kindLabel(node.kind)}` : ''}
        {node.date ? ` · ${node.date.slice(0, 10)}` : ''}
      </span>
      {articles && <span className="muted">{articles}</span>}
      {more > 0 && <span className="muted">{more} more neighbours not drawn (double-click)</span>}
    </div>
  );
}
