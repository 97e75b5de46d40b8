// One search box with debounced autocomplete; results grouped by type with counts, any of them can be picked.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import * as api from '../../api/explorer.ts';
import type { SearchHit } from '../../api/types.ts';
import { useLatest } from '../../api/useLatest.ts';
import { ShapeIcon } from '../../graph/ShapeIcon.tsx';
import { plural, showDate, useI18n } from '../../i18n/index.ts';
import { typePlural } from '../../i18n/labels.ts';
import { groupHits } from './group.ts';

/** Wait after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 180;
/** Shorter queries match too much to be useful. */
export const SEARCH_MIN_CHARS = 2;
/** Hits listed per type before "show all": one busy type must not push the others out of sight. */
export const HITS_PER_GROUP = 6;

export interface SearchBoxProps {
  placeholder?: string;
  /** Called with the hits to put on the canvas (one, or a whole group). */
  onPick: (hits: SearchHit[]) => void;
  /** Offer "add all" per group (the main search); pickers for a single entity turn it off. */
  allowGroupPick?: boolean;
  types?: readonly string[];
  testId?: string;
  autoFocus?: boolean;
}

export function SearchBox({
  placeholder: givenPlaceholder,
  onPick,
  allowGroupPick = true,
  types,
  testId = 'search',
  autoFocus,
}: SearchBoxProps) {
  const { t } = useI18n();
  const placeholder = givenPlaceholder ?? t('search.placeholder');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set());
  const { state, run, reset } = useLatest<SearchHit[]>();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const query = text.trim();
  // A key, not the array itself: callers may pass a fresh array on every render.
  const typesKey = types?.join(',') ?? '';

  useEffect(() => {
    if (query.length < SEARCH_MIN_CHARS) {
      reset();
      return;
    }
    const timer = setTimeout(() => {
      void run((signal) => api.search(query, { limit: 40, types: typesKey ? typesKey.split(',') : undefined }, signal));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, run, reset, typesKey]);

  const hits = state.data ?? [];
  const groups = useMemo(() => groupHits(hits), [hits]);
  const shownHits = (label: string, list: SearchHit[]) =>
    openGroups.has(label) ? list : list.slice(0, HITS_PER_GROUP);
  const flat = useMemo(
    () => groups.flatMap((g) => (openGroups.has(g.label) ? g.hits : g.hits.slice(0, HITS_PER_GROUP))),
    [groups, openGroups],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result list resets the cursor and the opened groups
  useEffect(() => {
    setActive(0);
    setOpenGroups(new Set());
  }, [state.data]);

  const pick = (picked: SearchHit[]) => {
    onPick(picked);
    setOpen(false);
    setText('');
    reset();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(flat.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && flat[active]) {
      event.preventDefault();
      pick([flat[active]]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      inputRef.current?.blur();
    }
  };

  const showList = open && query.length >= SEARCH_MIN_CHARS;
  return (
    <div className="search" data-testid={testId}>
      <input
        ref={inputRef}
        type="search"
        value={text}
        // biome-ignore lint/a11y/noAutofocus: only the main search asks for it (the app's first action); other boxes do not
        autoFocus={autoFocus}
        placeholder={placeholder}
        aria-label={placeholder}
        aria-expanded={showList}
        aria-controls={listId}
        role="combobox"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {state.status === 'loading' && (
        <span className="search-spinner" role="status" aria-label={t('search.searchingLabel')} />
      )}
      {showList && (
        <div className="search-results" id={listId} role="listbox" data-testid={`${testId}-results`}>
          {state.status === 'error' && <div className="search-message error">{state.error}</div>}
          {state.status === 'loading' && hits.length === 0 && (
            <div className="search-message">{t('common.searching')}</div>
          )}
          {state.status === 'ok' && hits.length === 0 && (
            <div className="search-message">{t('search.noMatches', { query })}</div>
          )}
          {groups.map((group) => (
            <div key={group.label} className="search-group" data-group={group.label}>
              <div className="search-group-header">
                <ShapeIcon label={group.label} size={13} />
                <span>{typePlural(group.label)}</span>
                <span className="count">{group.hits.length}</span>
                {allowGroupPick && group.hits.length > 1 && (
                  <button
                    type="button"
                    className="link"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(group.hits)}
                  >
                    {t('search.addAll')}
                  </button>
                )}
              </div>
              {shownHits(group.label, group.hits).map((hit) => {
                const index = flat.indexOf(hit);
                const aliases = hit.aliases.filter((a) => a !== hit.name).slice(0, 3);
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen from the keyboard through the combobox input (arrows, Enter)
                  // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input, as the ARIA combobox pattern wants
                  <div
                    key={hit.id}
                    role="option"
                    aria-selected={index === active}
                    className={`search-hit${index === active ? ' active' : ''}`}
                    data-testid="search-hit"
                    data-id={hit.id}
                    onMouseEnter={() => setActive(index)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick([hit])}
                  >
                    <span className="hit-name">{hit.name}</span>
                    {aliases.length > 0 && <span className="hit-aliases">{aliases.join(', ')}</span>}
                    {hit.label !== 'Event' && hit.label !== 'Article' && (
                      <span className="hit-count" title={t('search.mentionsTitle')}>
                        {plural(hit.mentionCount, 'common.mention.one', 'common.mention.other')}
                      </span>
                    )}
                    {hit.label === 'Event' && hit.date && (
                      <span className="hit-count" title={t('search.eventDateTitle')} data-testid="search-hit-date">
                        {showDate(hit.date)}
                      </span>
                    )}
                  </div>
                );
              })}
              {group.hits.length > HITS_PER_GROUP && !openGroups.has(group.label) && (
                <button
                  type="button"
                  className="link search-more"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => setOpenGroups(new Set([...openGroups, group.label]))}
                >
                  {t('search.showAll', { count: group.hits.length, types: typePlural(group.label).toLowerCase() })}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
