// The left column of the Explore tab: filters, expand settings and path search.
import type { GraphNode } from '../api/types.ts';
import type { CanvasCounts } from '../hooks/useCanvasCounts.ts';
import { EXPAND_LIMITS, type Expanding } from '../hooks/useExpand.ts';
import type { PathSearch } from '../hooks/usePaths.ts';
import { useI18n } from '../i18n/index.ts';
import { ExpandPanel } from '../panels/expand/ExpandPanel.tsx';
import { FiltersPanel } from '../panels/filters/FiltersPanel.tsx';
import { PathsPanel } from '../panels/paths/PathsPanel.tsx';
import type { Filters } from '../state/filters.ts';

export interface LeftSidebarProps {
  hidden: boolean;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  counts: CanvasCounts;
  expanding: Expanding;
  paths: PathSearch;
  selectedNode: GraphNode | null;
  /** A path is highlighted on the canvas (so "clear" is offered). */
  pathShown: boolean;
}

export function LeftSidebar({
  hidden,
  filters,
  onFilters,
  counts,
  expanding,
  paths,
  selectedNode,
  pathShown,
}: LeftSidebarProps) {
  const { t } = useI18n();
  return (
    <aside className="sidebar left" hidden={hidden}>
      <details open className="section">
        <summary>{t('left.filters')}</summary>
        <FiltersPanel
          filters={filters}
          onChange={onFilters}
          typeCounts={counts.types}
          relationCounts={counts.relations}
          kindCounts={counts.kinds}
        />
      </details>
      <details open className="section">
        <summary>{t('common.expand')}</summary>
        <ExpandPanel
          limit={expanding.limit}
          limits={EXPAND_LIMITS}
          onLimit={expanding.setLimit}
          types={expanding.types}
          onToggleType={expanding.toggleType}
        />
      </details>
      <details open className="section">
        <summary>{t('left.paths')}</summary>
        <PathsPanel
          from={paths.from}
          to={paths.to}
          maxHops={paths.maxHops}
          selected={selectedNode}
          busy={paths.busy}
          message={paths.message}
          highlighted={pathShown}
          coMentions={filters.coMentions}
          onChange={paths.change}
          onFind={paths.find}
          onClear={paths.clear}
        />
      </details>
    </aside>
  );
}
