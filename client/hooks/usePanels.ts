// Which tab and side panel are open, and the article reader: the screen's arrangement, not the view's content.
import { useCallback, useEffect, useState } from 'react';
import type { OpenEvidence } from '../panels/details/Evidence.tsx';

export type Tab = 'graph' | 'query';
export type Side = 'details' | 'load' | 'merge';

export interface Panels {
  readonly tab: Tab;
  setTab: (tab: Tab) => void;
  /** The query editor is mounted once first opened (it is large), then kept so its text survives tab switches. */
  readonly queryOpened: boolean;
  readonly side: Side;
  setSide: (side: Side) => void;
  /** The article open in the reader (over the details), or null. */
  readonly reader: OpenEvidence | null;
  setReader: (reader: OpenEvidence | null) => void;
  /** Shows the details of what was just selected (closing the reader). */
  showDetails: () => void;
  /** The window is narrower than NARROW_MAX_PX: the left column starts collapsed. */
  readonly narrow: boolean;
  /** The left column (filters, expand, paths) and the right one (details, load, merge) are open. */
  readonly leftOpen: boolean;
  readonly rightOpen: boolean;
  toggleLeft: () => void;
  toggleRight: () => void;
}

/** Below this width both side columns do not fit beside a useful canvas: the left one collapses. */
export const NARROW_MAX_PX = 1279;
const NARROW_QUERY = `(max-width: ${NARROW_MAX_PX}px)`;

function isNarrow(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.(NARROW_QUERY).matches === true;
}

export function usePanels(): Panels {
  const [tab, setTabState] = useState<Tab>('graph');
  const [queryOpened, setQueryOpened] = useState(false);
  const [side, setSide] = useState<Side>('details');
  const [reader, setReader] = useState<OpenEvidence | null>(null);
  const [narrow, setNarrow] = useState(isNarrow);
  const [leftOpen, setLeftOpen] = useState(() => !isNarrow());
  const [rightOpen, setRightOpen] = useState(true);
  useEffect(() => {
    const query = window.matchMedia?.(NARROW_QUERY);
    if (!query) return;
    const onChange = () => {
      setNarrow(query.matches);
      setLeftOpen(!query.matches);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const toggleLeft = useCallback(() => setLeftOpen((open) => !open), []);
  const toggleRight = useCallback(() => setRightOpen((open) => !open), []);
  const setSideOpen = useCallback((next: Side) => {
    setSide(next);
    setRightOpen(true);
  }, []);
  const setTab = useCallback((next: Tab) => {
    if (next === 'query') setQueryOpened(true);
    setTabState(next);
  }, []);
  const showDetails = useCallback(() => {
    setReader(null);
    setSideOpen('details');
  }, [setSideOpen]);
  return {
    tab,
    setTab,
    queryOpened,
    side,
    setSide: setSideOpen,
    reader,
    setReader,
    showDetails,
    narrow,
    leftOpen,
    rightOpen,
    toggleLeft,
    toggleRight,
  };
}
