// What the canvas says when it shows nothing: server down, empty database, first visit, or all filtered out.
import type { GraphStats, SearchHit } from '../api/types.ts';
import { ShapeIcon } from '../graph/ShapeIcon.tsx';
import type { Suggestions } from '../hooks/useStartingPoints.ts';
import { plural, showDate, useI18n } from '../i18n/index.ts';
import { Rich } from '../i18n/Rich.tsx';

export interface EmptyStateProps {
  totalNodes: number;
  nodesDrawn: number;
  busy: boolean;
  serverDown: boolean;
  stats: GraphStats | undefined;
  onOpenLoader: () => void;
  suggestions: Suggestions;
  /** Puts a suggestion on the canvas. */
  onPick: (hits: SearchHit[]) => void;
}

const asHit = (id: string, label: string, name: string): SearchHit => ({
  id,
  label,
  name,
  aliases: [],
  score: 0,
  mentionCount: 0,
});

function StartHere({ suggestions, onPick }: { suggestions: Suggestions; onPick: (hits: SearchHit[]) => void }) {
  const { t } = useI18n();
  const { points, latestEvents } = suggestions;
  const item = (hit: SearchHit, detail: string | null) => (
    <li key={hit.id}>
      <button type="button" className="link" onClick={() => onPick([hit])} data-testid="start-here" data-id={hit.id}>
        <ShapeIcon label={hit.label} size={12} /> {hit.name}
      </button>
      {detail && <span className="muted small"> {detail}</span>}
    </li>
  );
  if (!points && latestEvents.length === 0) return null;
  return (
    <div className="start-here" data-testid="start-here-list">
      <h3>{t('empty.startHere')}</h3>
      {points && points.entities.length > 0 && (
        <section>
          <h4>{t('empty.mostMentioned')}</h4>
          <ul>
            {points.entities
              .slice(0, 5)
              .map((e) => item(e, plural(e.mentionCount, 'common.mention.one', 'common.mention.other')))}
          </ul>
        </section>
      )}
      {latestEvents.length > 0 && (
        <section>
          <h4>{t('empty.latestEvents')}</h4>
          <ul>{latestEvents.map((e) => item(asHit(e.id, 'Event', e.summary), e.date ? showDate(e.date) : null))}</ul>
        </section>
      )}
      {points && points.latestArticles.length > 0 && (
        <section>
          <h4>{t('empty.latestArticles')}</h4>
          <ul>
            {points.latestArticles.map((a) =>
              item(asHit(a.id, 'Article', a.title), a.publishedAt ? showDate(String(a.publishedAt)) : null),
            )}
          </ul>
        </section>
      )}
    </div>
  );
}

export function EmptyState({
  totalNodes,
  nodesDrawn,
  busy,
  serverDown,
  stats,
  onOpenLoader,
  suggestions,
  onPick,
}: EmptyStateProps) {
  const { t } = useI18n();
  if (totalNodes > 0 && nodesDrawn === 0) {
    return (
      <div className="empty subtle">
        <p>{t('empty.allFiltered', { count: totalNodes })}</p>
      </div>
    );
  }
  if (totalNodes > 0 || busy) return null;
  return (
    <div className="empty" data-testid="empty-state">
      {serverDown ? (
        <>
          <h2>{t('empty.serverDown')}</h2>
          <p>
            <Rich k="empty.serverDownHelp" slots={{ command: <code>npm start</code> }} />
          </p>
        </>
      ) : stats && stats.articles === 0 ? (
        <>
          <h2>{t('empty.emptyGraph')}</h2>
          <p>{t('empty.emptyGraphHelp')}</p>
          <button type="button" className="primary" onClick={onOpenLoader}>
            {t('topbar.loadArticles')}
          </button>
        </>
      ) : (
        <>
          <h2>{t('empty.startExploring')}</h2>
          <p>{t('empty.howTo')}</p>
          {stats && (
            <p className="muted" data-testid="counts-meaning">
              {t('empty.counts', { articles: stats.articles, entities: stats.entities, events: stats.events })}
            </p>
          )}
          <StartHere suggestions={suggestions} onPick={onPick} />
        </>
      )}
    </div>
  );
}
