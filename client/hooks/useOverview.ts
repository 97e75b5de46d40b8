// What the database holds (stats) and its events (timeline), read at start and after anything that writes.
import { useCallback, useEffect } from 'react';
import * as api from '../api/explorer.ts';
import type { GraphStats, TimelineEvent } from '../api/types.ts';
import { type RequestState, useLatest } from '../api/useLatest.ts';

export interface Overview {
  readonly stats: RequestState<GraphStats>;
  readonly timeline: RequestState<TimelineEvent[]>;
  readonly refresh: () => void;
}

export function useOverview(): Overview {
  const stats = useLatest<GraphStats>();
  const timeline = useLatest<TimelineEvent[]>();
  const refresh = useCallback(() => {
    void stats.run((signal) => api.stats(signal));
    void timeline.run((signal) => api.timeline({}, signal));
  }, [stats.run, timeline.run]);
  useEffect(refresh, [refresh]);
  return { stats: stats.state, timeline: timeline.state, refresh };
}
