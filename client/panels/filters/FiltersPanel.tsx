// Filters: co-mentions on/off, entity type (doubling as the legend), relation type and event kind; the canvas updates live.
import { useState } from 'react';
import { NODE_LABELS } from '../../api/types.ts';
import { ShapeIcon } from '../../graph/ShapeIcon.tsx';
import { kindLabel, relationLabel } from '../../graph/types.ts';
import { useI18n } from '../../i18n/index.ts';
import { typeName } from '../../i18n/labels.ts';
import { CO_MENTIONED, type Filters, isFiltering, NO_FILTERS } from '../../state/filters.ts';

export interface FiltersPanelProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Node counts on the canvas by label. */
  typeCounts: Record<string, number>;
  /** Relation types known (canvas + database), with counts on the canvas. */
  relationCounts: Record<string, number>;
  kindCounts: Record<string, number>;
}

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function CheckList({
  title,
  entries,
  hidden,
  onToggle,
  render,
  testId,
  collapseZero = false,
}: {
  title: string;
  entries: [string, number][];
  hidden: readonly string[];
  onToggle: (key: string) => void;
  render: (key: string) => React.ReactNode;
  testId: string;
  /** Long lists show only what is on the canvas (and what is switched off) until expanded. */
  collapseZero?: boolean;
}) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const shown =
    collapseZero && !expanded ? entries.filter(([key, count]) => count > 0 || hidden.includes(key)) : entries;
  const folded = entries.length - shown.length;
  return (
    <fieldset className="checklist" data-testid={testId}>
      <legend>{title}</legend>
      {entries.length === 0 && <p className="muted small">{t('filters.noneKnown')}</p>}
      {entries.length > 0 && shown.length === 0 && <p className="muted small">{t('filters.noneOnCanvas')}</p>}
      {shown.map(([key, count]) => (
        <label key={key} className="check" data-key={key}>
          <input type="checkbox" checked={!hidden.includes(key)} onChange={() => onToggle(key)} />
          {render(key)}
          <span className="count">{count}</span>
        </label>
      ))}
      {collapseZero && (folded > 0 || expanded) && (
        <button type="button" className="link more" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('filters.showOnlyCanvas') : t('filters.showMore', { count: folded })}
        </button>
      )}
    </fieldset>
  );
}

export function FiltersPanel({ filters, onChange, typeCounts, relationCounts, kindCounts }: FiltersPanelProps) {
  const { t } = useI18n();
  const types = [
    ...NODE_LABELS,
    ...Object.keys(typeCounts).filter((k) => !(NODE_LABELS as readonly string[]).includes(k)),
  ];
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const coMentionCount = relationCounts[CO_MENTIONED] ?? 0;
  const typedRelations = Object.fromEntries(Object.entries(relationCounts).filter(([k]) => k !== CO_MENTIONED));
  return (
    <div className="filters" data-testid="filters">
      <label className="check toggle" data-testid="filter-co-mentions">
        <input
          type="checkbox"
          checked={filters.coMentions}
          onChange={() => onChange({ ...filters, coMentions: !filters.coMentions })}
        />
        <span>
          {t('filters.coMentions')}
          <span className="muted small block">{t('filters.coMentionsHelp')}</span>
        </span>
        <span className="count">{coMentionCount}</span>
      </label>
      <CheckList
        title={t('filters.entityTypes')}
        testId="filter-types"
        entries={types.map((t) => [t, typeCounts[t] ?? 0])}
        hidden={filters.hiddenTypes}
        onToggle={(k) => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, k) })}
        render={(k) => (
          <>
            <ShapeIcon label={k} /> <span>{typeName(k)}</span>
          </>
        )}
      />
      <CheckList
        title={t('filters.relationTypes')}
        testId="filter-relations"
        collapseZero
        entries={byCount(typedRelations)}
        hidden={filters.hiddenRelations}
        onToggle={(k) => onChange({ ...filters, hiddenRelations: toggle(filters.hiddenRelations, k) })}
        render={(k) => <span>{relationLabel(k)}</span>}
      />
      <CheckList
        title={t('filters.eventKinds')}
        testId="filter-kinds"
        collapseZero
        entries={byCount(kindCounts)}
        hidden={filters.hiddenKinds}
        onToggle={(k) => onChange({ ...filters, hiddenKinds: toggle(filters.hiddenKinds, k) })}
        render={(k) => <span>{kindLabel(k)}</span>}
      />
      {isFiltering(filters) && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}
