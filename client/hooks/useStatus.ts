// The app's status line: what is running (busy) and the last notice; errors of an action become a notice.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';

/** `text` is written when shown, so a language switch rewrites a notice already on screen. */
export type Message = { kind: 'info' | 'error'; text: () => string };

/** How long an info notice stays; errors stay until dismissed. */
export const NOTICE_MS = 6000;

export interface Status {
  readonly notice: Message | null;
  readonly setNotice: (notice: Message | null) => void;
  /** What the app is doing now ("Expanding Huawei…"), or null. */
  readonly busy: string | null;
  readonly setBusy: (busy: string | null) => void;
  /** Runs `fn` with `label` as the busy text; a failure becomes an error notice "`failure`: reason". */
  readonly withBusy: (label: string, fn: () => Promise<void>, failure: string) => Promise<void>;
}

export function useStatus(): Status {
  const [notice, setNotice] = useState<Message | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice]);

  const withBusy = useCallback(async (label: string, fn: () => Promise<void>, failure: string) => {
    setBusy(label);
    try {
      await fn();
    } catch (error) {
      setNotice({ kind: 'error', text: () => `${failure}: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }, []);

  return { notice, setNotice, busy, setBusy, withBusy };
}
