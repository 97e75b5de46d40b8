// The Load panel's Feeds section: watch an RSS or Atom feed, see each feed's last poll, new articles and errors.
import { useState } from 'react';
import { useFeeds } from '../../hooks/useFeeds.ts';
import { getLang, plural, t, useI18n } from '../../i18n/index.ts';
import { urlProblem } from './UrlLoadForm.tsx';

function lastPoll(iso: string | null): string {
  if (!iso) return t('feeds.notPolled');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const when = date.toLocaleString(getLang() === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return t('feeds.lastPoll', { when });
}

export function FeedsSection() {
  const { t } = useI18n();
  const { feeds, error, saving, add, remove } = useFeeds();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const found = value.trim() ? urlProblem(value) : t('feeds.empty');
    setProblem(found);
    if (found) return;
    void add(value.trim()).then((added) => {
      if (added) setValue('');
    });
  };

  return (
    <section className="feeds" data-testid="feeds">
      <h3 className="panel-subtitle">{t('feeds.title')}</h3>
      <p className="muted small">{t('feeds.help')}</p>
      <form
        className="url-load"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{t('feeds.address')}</span>
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            type="text"
            inputMode="url"
            placeholder="https://…/rss"
            data-testid="feed-url"
          />
        </label>
        <div className="button-row">
          <button type="submit" disabled={saving} data-testid="feed-add">
            {saving ? t('feeds.saving') : t('feeds.watch')}
          </button>
        </div>
        {(problem ?? error) && (
          <p className="error-text" role="alert" data-testid="feeds-error">
            {problem ?? error}
          </p>
        )}
      </form>
      {feeds.length > 0 && (
        <ul className="feed-list">
          {feeds.map((feed) => (
            <li key={feed.url} data-testid="feed-item" data-url={feed.url}>
              <div className="feed-name">
                <strong>{feed.title ?? feed.url}</strong>
                <button
                  type="button"
                  className="link"
                  disabled={saving}
                  onClick={() => void remove(feed.url)}
                  aria-label={t('feeds.stopWatching', { name: feed.title ?? feed.url })}
                  data-testid="feed-remove"
                >
                  {t('feeds.remove')}
                </button>
              </div>
              {feed.title && <div className="muted small feed-url">{feed.url}</div>}
              <div className="muted small" data-testid="feed-status">
                {lastPoll(feed.lastPolledAt)}
                {feed.lastPolledAt &&
                  ` · ${plural(feed.lastNewArticles, 'feeds.newOne', 'feeds.newMany')} · ${t('feeds.loadedInAll', { count: feed.itemsLoaded })}`}
              </div>
              {feed.lastError && (
                <p className="error-text small" data-testid="feed-error">
                  {feed.lastError}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
