// The banners under the top bar: the server cannot be reached (with Retry), new articles loaded by the server, and
// the last notice.
import type { NewArticles } from '../hooks/useNewArticles.ts';
import type { Message } from '../hooks/useStatus.ts';

export interface BannersProps {
  /** Why the server cannot be reached, or null when it can. */
  serverError: string | null;
  onRetry: () => void;
  notice: Message | null;
  onDismiss: () => void;
  /** Articles a watched feed (or someone else) loaded since this page last showed them. */
  newArticles: NewArticles;
}

export function Banners({ serverError, onRetry, notice, onDismiss, newArticles }: BannersProps) {
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
      {newArticles.count > 0 && (
        <div className="banner info" role="status" data-testid="new-articles">
          {newArticles.count} new article{newArticles.count === 1 ? '' : 's'} —
          <button type="button" className="show-new" onClick={newArticles.show} data-testid="new-articles-show">
            show what changed
          </button>
          <button type="button" className="link" onClick={newArticles.dismiss} aria-label="Dismiss">
            ✕
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
