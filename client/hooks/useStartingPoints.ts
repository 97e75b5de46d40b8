// First-visit suggestions (most mentioned entities, latest articles, latest events), read while the canvas is empty.
import { useEffect, useMemo } from 'react';
import * as api from '../api/explorer.ts';
import type { TimelineEvent } from '../api/types.ts';
import { useLatest } from '../api/useLatest.ts';

/** Latest events suggested on a first visit. */
export const SUGGESTED_EVENTS = 3;

export interface Suggestions {
  readonly points: api.StartingPoints | undefined;
  readonly latestEvents: readonly TimelineEvent[];
}

export function useStartingPoints(wanted: boolean, timeline: readonly TimelineEvent[] | undefined): Suggestions {
  const { state, run } = useLatest<api.StartingPoints>();
  const loaded = state.status === 'ok';
  useEffect(() => {
    if (wanted && !loaded) void run((signal) => api.startingPoints(signal));
  }, [wanted, loaded, run]);
  const latestEvents = useMemo(
    () =>
      [...(timeline ?? [])]
        .filter((e) => e.date && !e.dateFromArticle)
        .sort((a, b) => (b.date as string).localeCompare(a.date as string))
        .slice(0, SUGGESTED_EVENTS),
    [timeline],
  );
  return { points: state.data, latestEvents };
}
