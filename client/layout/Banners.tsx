// The banners under the top bar: the server cannot be reached (with Retry), and the last notice.
import type { Message } from '../hooks/useStatus.ts';
import { useI18n } from '../i18n/index.ts';

export interface BannersProps {
  /** Why the server cannot be reached, or null when it can. */
  serverError: string | null;
  onRetry: () => void;
  notice: Message | null;
  onDismiss: () => void;
}

export function Banners({ serverError, onRetry, notice, onDismiss }: BannersProps) {
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
      {notice && (
        <div
          className={`banner ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          {notice.text}
          <button type="button" className="link" onClick={onDismiss} aria-label={t('banner.dismiss')}>
            ✕
          </button>
        </div>
      )}
    </>
  );
}
