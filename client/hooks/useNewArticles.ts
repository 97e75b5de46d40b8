// Articles the server loaded for someone else (a watched feed, another tab): counted until the user asks to see
// what changed, then drawn with the Load panel's highlight (useLoad).
import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../api/events.ts';
import type { IngestResult } from '../api/types.ts';

export interface NewArticles {
  /** New articles not yet shown. */
  readonly count: number;
  /** Draws what they changed and clears the count. */
  readonly show: () => void;
  readonly dismiss: () => void;
}

export function useNewArticles(onLoaded: (results: IngestResult[]) => void): NewArticles {
  const pending = useRef<IngestResult[]>([]);
  const [count, setCount] = useState(0);

  useEffect(
    () =>
      subscribe('articles-loaded', (event) => {
        const known = new Set(pending.current.map((r) => r.articleId));
        pending.current = [...pending.current, ...event.articles.filter((a) => !known.has(a.articleId))];
        setCount(pending.current.length);
      }),
    [],
  );

  const take = useCallback((): IngestResult[] => {
    const results = pending.current;
    pending.current = [];
    setCount(0);
    return results;
  }, []);
  const show = useCallback(() => {
    const results = take();
    if (results.length > 0) onLoaded(results);
  }, [onLoaded, take]);
  const dismiss = useCallback(() => void take(), [take]);
  return { count, show, dismiss };
}
