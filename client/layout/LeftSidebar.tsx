// The left column of the Explore tab: filters, expand settings and path search.
import type { GraphNode } from '../api/types.ts';
import type { CanvasCounts } from '../hooks/useCanvasCounts.ts';
import { EXPAND_LIMITS, type Expanding } from '../hooks/useExpand.ts';
import type { PathSearch } from '../hooks/usePaths.ts';
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
  return (
    <aside className="sidebar left" hidden={hidden}>
      <details open className="section">
        <summary>Filters</summary>
        <FiltersPanel
          filters={filters}
          onChange={onFilters}
          typeCounts={counts.types}
          relationCounts={counts.relations}
          kindCounts={counts.kinds}
        />
      </details>
      <details open className="section">
        <summary>Expand</summary>
        <ExpandPanel
          limit={expanding.limit}
          limits={EXPAND_LIMITS}
          onLimit={expanding.setLimit}
          types={expanding.types}
          onToggleType={expanding.toggleType}
        />
      </details>
      <details open className="section">
        <summary>Paths</summary>
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
