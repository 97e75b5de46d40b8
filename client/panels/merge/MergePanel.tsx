// Merge two entities the extractor kept apart: choose which to keep, confirm, then the canvas redraws.
import { ENTITY_TYPES, type GraphNode } from '../../api/types.ts';
import { EntitySlot } from '../EntitySlot.tsx';

export interface MergePanelProps {
  keep: GraphNode | null;
  merge: GraphNode | null;
  selected: GraphNode | null;
  onChange: (change: { keep?: GraphNode | null; merge?: GraphNode | null }) => void;
  onRequestMerge: () => void;
  message: { kind: 'info' | 'error'; text: string } | null;
}

export function MergePanel({ keep, merge, selected, onChange, onRequestMerge, message }: MergePanelProps) {
  const sameType = !keep || !merge || keep.label === merge.label;
  return (
    <div className="merge" data-testid="merge">
      <h2 className="panel-title">Merge entities</h2>
      <p className="muted small">
        When the extractor kept one real-world thing as two nodes (a typo, a short name), merge them: relationships and
        evidence move to the kept entity and the other name becomes an alias.
      </p>
      <EntitySlot
        label="Keep"
        node={keep}
        selected={selected}
        onChange={(n) => onChange({ keep: n })}
        testId="merge-keep"
        types={ENTITY_TYPES}
      />
      <EntitySlot
        label="Merge into it"
        node={merge}
        selected={selected}
        onChange={(n) => onChange({ merge: n })}
        testId="merge-other"
        types={ENTITY_TYPES}
      />
      {keep && merge && (
        <button type="button" className="link small" onClick={() => onChange({ keep: merge, merge: keep })}>
          swap
        </button>
      )}
      {!sameType && (
        <p className="note small">
          These have different types ({keep?.label}, {merge?.label}); the kept entity's type wins.
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
          Merge…
        </button>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'error-text small' : 'note small'} data-testid="merge-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
