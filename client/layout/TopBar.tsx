// The top bar: brand, Explore/Query tabs, search, and the actions on the whole view (load, export, link).
import type { SearchHit } from '../api/types.ts';
import type { Exporting } from '../hooks/useExport.ts';
import type { Tab } from '../hooks/usePanels.ts';
import { SearchBox } from '../panels/search/SearchBox.tsx';

export interface TopBarProps {
  tab: Tab;
  onTab: (tab: Tab) => void;
  onPick: (hits: SearchHit[]) => void;
  onOpenLoader: () => void;
  exporting: Exporting;
  /** Something is on the canvas to export. */
  canExport: boolean;
}

export function TopBar({ tab, onTab, onPick, onOpenLoader, exporting, canExport }: TopBarProps) {
  const tabButton = (id: Tab, text: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={tab === id ? 'active' : ''}
      onClick={() => onTab(id)}
      data-testid={`tab-${id}`}
    >
      {text}
    </button>
  );
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>{' '}
        newsgraph
      </div>
      <div className="tabs" role="tablist">
        {tabButton('graph', 'Explore')}
        {tabButton('query', 'Query')}
      </div>
      <div className="topbar-search">{tab === 'graph' && <SearchBox onPick={onPick} />}</div>
      <div className="topbar-actions">
        <button type="button" onClick={onOpenLoader} data-testid="open-loader">
          Load articles
        </button>
        <button type="button" onClick={exporting.exportPng} disabled={!canExport} data-testid="export-png">
          Export PNG
        </button>
        <button type="button" onClick={exporting.exportJson} disabled={!canExport} data-testid="export-json">
          Export JSON
        </button>
        <button type="button" onClick={exporting.copyLink} data-testid="copy-link">
          Copy link
        </button>
      </div>
    </header>
  );
}
