// The banners under the top bar: the server cannot be reached (with Retry), and the last notice.
import type { Message } from '../hooks/useStatus.ts';

export interface BannersProps {
  /** Why the server cannot be reached, or null when it can. */
  serverError: string | null;
  onRetry: () => void;
  notice: Message | null;
  onDismiss: () => void;
}

export function Banners({ serverError, onRetry, notice, onDismiss }: BannersProps) {
  return (
    <>
      {serverError !== null && (
        <div className="banner error" role="alert" data-testid="server-error">
          {serverError}{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      {notice && (
        <div
          className={`banner ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          {notice.text}
          <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </>
  );
}
