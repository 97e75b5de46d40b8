// Which tab and side panel are open, and the article reader: the screen's arrangement, not the view's content.
import { useCallback, useState } from 'react';
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
}

export function usePanels(): Panels {
  const [tab, setTabState] = useState<Tab>('graph');
  const [queryOpened, setQueryOpened] = useState(false);
  const [side, setSide] = useState<Side>('details');
  const [reader, setReader] = useState<OpenEvidence | null>(null);
  const setTab = useCallback((next: Tab) => {
    if (next === 'query') setQueryOpened(true);
    setTabState(next);
  }, []);
  const showDetails = useCallback(() => {
    setReader(null);
    setSide('details');
  }, []);
  return { tab, setTab, queryOpened, side, setSide, reader, setReader, showDetails };
}
