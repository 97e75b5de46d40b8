// The banners under the top bar: the server cannot be reached (with Retry), new articles loaded by the server, and
// the last notice.
import type { NewArticles } from '../hooks/useNewArticles.ts';
import type { Message } from '../hooks/useStatus.ts';
import { plural, useI18n } from '../i18n/index.ts';

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
  const { t } = useI18n();
  return (
    <>
      {serverError !== null && (
        <div className="banner error" role="alert" data-testid="server-error">
          {serverError}{' '}
          <button type="button" onClick={onRetry}>
            {t('banner.retry')}
          </button>
        </div>
      )}
      {newArticles.count > 0 && (
        <div className="banner info" role="status" data-testid="new-articles">
          {plural(newArticles.count, 'banner.newArticle', 'banner.newArticles')} —
          <button type="button" className="show-new" onClick={newArticles.show} data-testid="new-articles-show">
            {t('banner.showChanges')}
          </button>
          <button type="button" className="link" onClick={newArticles.dismiss} aria-label={t('banner.dismiss')}>
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
          {notice.text()}
          <button type="button" className="link" onClick={onDismiss} aria-label={t('banner.dismiss')}>
            ✕
          </button>
        </div>
      )}
    </>
  );
}
