// The top bar: brand, Explore/Query tabs, search, the actions on the whole view (load, export, link), the language.
import type { SearchHit } from '../api/types.ts';
import type { Exporting } from '../hooks/useExport.ts';
import type { Tab } from '../hooks/usePanels.ts';
import { isLang, useI18n } from '../i18n/index.ts';
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

/** Each language named in itself, so the switch reads right whichever language is on. */
const LANG_NAMES = [
  ['da', 'Dansk'],
  ['en', 'English'],
] as const;

export function TopBar({ tab, onTab, onPick, onOpenLoader, exporting, canExport }: TopBarProps) {
  const { t, lang, setLang } = useI18n();
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
        {tabButton('graph', t('topbar.explore'))}
        {tabButton('query', t('topbar.query'))}
      </div>
      <div className="topbar-search">{tab === 'graph' && <SearchBox onPick={onPick} />}</div>
      <div className="topbar-actions">
        <button type="button" onClick={onOpenLoader} data-testid="open-loader">
          {t('topbar.loadArticles')}
        </button>
        <button
          type="button"
          onClick={exporting.exportPng}
          disabled={!canExport}
          title={t('topbar.exportPng')}
          data-testid="export-png"
        >
          <span className="wide-only">{t('topbar.export')} </span>PNG
        </button>
        <button
          type="button"
          onClick={exporting.exportJson}
          disabled={!canExport}
          title={t('topbar.exportJson')}
          data-testid="export-json"
        >
          <span className="wide-only">{t('topbar.export')} </span>JSON
        </button>
        <button type="button" onClick={exporting.copyLink} data-testid="copy-link">
          {t('topbar.copyLink')}
        </button>
        <select
          className="lang-switch"
          value={lang}
          onChange={(e) => isLang(e.target.value) && setLang(e.target.value)}
          aria-label={t('topbar.language')}
          title={t('topbar.language')}
          data-testid="lang-switch"
        >
          {LANG_NAMES.map(([id, name]) => (
            <option key={id} value={id} lang={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
