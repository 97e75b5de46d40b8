// What the canvas says when it shows nothing: server down, empty database, first visit, or all filtered out.
import type { GraphStats } from '../api/types.ts';

export interface EmptyStateProps {
  totalNodes: number;
  nodesDrawn: number;
  busy: boolean;
  serverDown: boolean;
  stats: GraphStats | undefined;
  onOpenLoader: () => void;
}

export function EmptyState({ totalNodes, nodesDrawn, busy, serverDown, stats, onOpenLoader }: EmptyStateProps) {
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
            <p className="muted">
              {stats.articles} articles · {stats.entities} entities · {stats.events} events in the graph
            </p>
          )}
        </>
      )}
    </div>
  );
}
