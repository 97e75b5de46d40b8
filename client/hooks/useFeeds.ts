// The Load panel's Feeds section: the watched feeds, kept current by the server's feeds-changed events, and the
// actions to add and remove one. Answers that arrive after a newer request started are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { subscribe } from '../api/events.ts';
import * as api from '../api/explorer.ts';
import type { WatchedFeed } from '../api/types.ts';

export interface Feeds {
  readonly feeds: WatchedFeed[];
  /** Why the list could not be read or the last action failed, or null. */
  readonly error: string | null;
  /** True while an add or remove is on its way. */
  readonly saving: boolean;
  /** Watches `url`; resolves true when the server took it. */
  readonly add: (url: string) => Promise<boolean>;
  readonly remove: (url: string) => Promise<void>;
}

export function useFeeds(): Feeds {
  const [feeds, setFeeds] = useState<WatchedFeed[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const list = await api.feeds();
      if (ticket === latest.current) setFeeds(list);
    } catch (caught) {
      if (ticket === latest.current) setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return subscribe('feeds-changed', () => void refresh());
  }, [refresh]);

  const act = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setSaving(true);
      try {
        await work();
        setError(null);
        return true;
      } catch (caught) {
        setError(errorMessage(caught));
        return false;
      } finally {
        setSaving(false);
        await refresh();
      }
    },
    [refresh],
  );

  const add = useCallback((url: string) => act(() => api.addFeed(url)), [act]);
  const remove = useCallback(async (url: string) => void (await act(() => api.removeFeed(url))), [act]);
  return { feeds, error, saving, add, remove };
}
