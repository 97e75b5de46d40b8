// React hook that runs async API calls so only the newest one may update the screen; errors become state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client.ts';

export type RequestState<T> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: string };

/**
 * `run(fn)` aborts the previous call and starts `fn(signal)`; a result arriving after a newer call
 * started is dropped, so a slow answer to an old keystroke never overwrites a fresh one.
 */
export function useLatest<T>(): {
  state: RequestState<T>;
  run: (fn: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined>;
  reset: () => void;
} {
  const [state, setState] = useState<RequestState<T>>({ status: 'idle' });
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (fn: (signal: AbortSignal) => Promise<T>) => {
    const mine = ++generation.current;
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState((prev) => ({ status: 'loading', data: prev.data }));
    try {
      const data = await fn(ctrl.signal);
      if (mine !== generation.current) return undefined;
      setState({ status: 'ok', data });
      return data;
    } catch (error) {
      if (mine !== generation.current) return undefined;
      setState((prev) => ({ status: 'error', data: prev.data, error: errorMessage(error) }));
      return undefined;
    }
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    controller.current?.abort();
    setState({ status: 'idle' });
  }, []);

  useEffect(() => () => controller.current?.abort(), []);
  return { state, run, reset };
}
