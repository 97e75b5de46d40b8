// A slot holding one chosen entity (path end, merge side): shows it, or a search box to choose one.
import type { GraphNode } from '../api/types.ts';
import { ShapeIcon } from '../graph/ShapeIcon.tsx';
import { useI18n } from '../i18n/index.ts';
import { SearchBox } from './search/SearchBox.tsx';

export interface EntitySlotProps {
  label: string;
  node: GraphNode | null;
  onChange: (node: GraphNode | null) => void;
  /** The canvas selection, offered as a one-click choice. */
  selected: GraphNode | null;
  testId: string;
  types?: readonly string[];
}

export function EntitySlot({ label, node, onChange, selected, testId, types }: EntitySlotProps) {
  const { t } = useI18n();
  return (
    <div className="slot" data-testid={testId}>
      <div className="slot-label">{label}</div>
      {node ? (
        <div className="slot-value" data-id={node.id}>
          <ShapeIcon label={node.label} size={14} />
          <span className="slot-name">{node.name}</span>
          <button type="button" className="link" onClick={() => onChange(null)} aria-label={t('slot.clear', { label })}>
            {t('slot.change')}
          </button>
        </div>
      ) : (
        <>
          <SearchBox
            placeholder={t('slot.search', { label: label.toLowerCase() })}
            allowGroupPick={false}
            testId={`${testId}-search`}
            types={types}
            onPick={([hit]) =>
              hit && onChange({ id: hit.id, label: hit.label, name: hit.name, weight: hit.mentionCount })
            }
          />
          {selected && (
            <button type="button" className="link small" onClick={() => onChange(selected)}>
              {t('slot.useSelected', { name: selected.name })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
