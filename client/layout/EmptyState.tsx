// What the canvas says when it shows nothing: server down, empty database, first visit, or all filtered out.
import type { GraphStats, SearchHit } from '../api/types.ts';
import { ShapeIcon } from '../graph/ShapeIcon.tsx';
import type { Suggestions } from '../hooks/useStartingPoints.ts';

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
      <h3>Start here</h3>
      {points && points.entities.length > 0 && (
        <section>
          <h4>Most mentioned</h4>
          <ul>{points.entities.slice(0, 5).map((e) => item(e, `${e.mentionCount} mentions`))}</ul>
        </section>
      )}
      {latestEvents.length > 0 && (
        <section>
          <h4>Latest events</h4>
          <ul>{latestEvents.map((e) => item(asHit(e.id, 'Event', e.summary), e.date?.slice(0, 10) ?? null))}</ul>
        </section>
      )}
      {points && points.latestArticles.length > 0 && (
        <section>
          <h4>Latest articles</h4>
          <ul>
            {points.latestArticles.map((a) =>
              item(asHit(a.id, 'Article', a.title), a.publishedAt ? String(a.publishedAt).slice(0, 10) : null),
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
  if (totalNodes > 0 && nodesDrawn === 0) {
    return (
      <div className="empty subtle">
        <p>All {totalNodes} nodes are filtered out or hidden. Adjust the filters on the left or the timeline range.</p>
      </div>
    );
  }
  if (totalNodes > 0 || busy) return null;
  return (
    <div className="empty" data-testid="empty-state">
      {serverDown ? (
        <>
          <h2>The server is not reachable</h2>
          <p>
            Start it with <code>npm start</code>, then press Retry above.
          </p>
        </>
      ) : stats && stats.articles === 0 ? (
        <>
          <h2>The graph is empty</h2>
          <p>Load a few articles to extract people, companies and events from them.</p>
          <button type="button" className="primary" onClick={onOpenLoader}>
            Load articles
          </button>
        </>
      ) : (
        <>
          <h2>Start exploring</h2>
          <p>
            Search above for a person, company, government or place and add it to the canvas. Double-click a node to
            expand it.
          </p>
          {stats && (
            <p className="muted" data-testid="counts-meaning">
              The database holds {stats.articles} articles, {stats.entities} entities and {stats.events} events. The
              numbers beside the filters count what is on the canvas.
            </p>
          )}
          <StartHere suggestions={suggestions} onPick={onPick} />
        </>
      )}
    </div>
  );
}
