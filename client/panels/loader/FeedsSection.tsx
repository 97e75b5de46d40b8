// The Load panel's Feeds section: watch an RSS or Atom feed, see each feed's last poll, new articles and errors.
import { useState } from 'react';
import { useFeeds } from '../../hooks/useFeeds.ts';
import { urlProblem } from './UrlLoadForm.tsx';

function lastPoll(iso: string | null): string {
  if (!iso) return 'not polled yet';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `last poll ${date.toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' })}`;
}

export function FeedsSection() {
  const { feeds, error, saving, add, remove } = useFeeds();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const found = urlProblem(value)?.replace('an article', 'a feed') ?? null;
    setProblem(found);
    if (found) return;
    void add(value.trim()).then((added) => {
      if (added) setValue('');
    });
  };

  return (
    <section className="feeds" data-testid="feeds">
      <h3 className="panel-subtitle">Feeds</h3>
      <p className="muted small">
        The server polls each RSS or Atom feed regularly and loads its new articles; open explorers are told.
      </p>
      <form
        className="url-load"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Feed address</span>
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
            {saving ? 'Saving…' : 'Watch feed'}
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
                  aria-label={`Stop watching ${feed.title ?? feed.url}`}
                  data-testid="feed-remove"
                >
                  Remove
                </button>
              </div>
              {feed.title && <div className="muted small feed-url">{feed.url}</div>}
              <div className="muted small" data-testid="feed-status">
                {lastPoll(feed.lastPolledAt)}
                {feed.lastPolledAt &&
                  ` · ${feed.lastNewArticles} new article${feed.lastNewArticles === 1 ? '' : 's'} · ${feed.itemsLoaded} loaded in all`}
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
