// The right column of the Explore tab: details of the selection (or the article reader), the loader, merging.
import type { GraphStats, IngestResult, SearchHit } from '../api/types.ts';
import { ShapeIcon } from '../graph/ShapeIcon.tsx';
import type { Merging } from '../hooks/useMerge.ts';
import type { Panels, Side } from '../hooks/usePanels.ts';
import type { ViewStore } from '../hooks/useView.ts';
import { ArticleReader } from '../panels/article/ArticleReader.tsx';
import { EdgeDetails, type NodeActions, NodeDetails } from '../panels/details/DetailsPanel.tsx';
import { LoaderPanel } from '../panels/loader/LoaderPanel.tsx';
import { MergePanel } from '../panels/merge/MergePanel.tsx';

export interface RightPanelProps {
  hidden: boolean;
  store: ViewStore;
  panels: Panels;
  merging: Merging;
  nodeActions: NodeActions;
  stats: GraphStats | undefined;
  onLoaded: (results: IngestResult[]) => void;
  onAddHits: (hits: SearchHit[]) => void;
}

const SIDES: [Side, string][] = [
  ['details', 'Details'],
  ['load', 'Load'],
  ['merge', 'Merge'],
];

function DatabaseSummary({ stats }: { stats: GraphStats }) {
  return (
    <dl className="props" aria-label="In the database">
      <div>
        <dt>
          <strong>In the database</strong>
        </dt>
        <dd />
      </div>
      <div>
        <dt>Articles</dt>
        <dd>{stats.articles}</dd>
      </div>
      <div>
        <dt>Entities</dt>
        <dd>{stats.entities}</dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>{stats.events}</dd>
      </div>
      {stats.labels.map((l) => (
        <div key={l.key}>
          <dt>
            <ShapeIcon label={l.key} size={12} /> {l.key}
          </dt>
          <dd>{l.count}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RightPanel({
  hidden,
  store,
  panels,
  merging,
  nodeActions,
  stats,
  onLoaded,
  onAddHits,
}: RightPanelProps) {
  const { view, graph } = store;
  const { side, reader } = panels;
  const selectedNode = view.selection ? (graph.nodes[view.selection] ?? null) : null;
  const selectedEdge = view.selection && !selectedNode ? (graph.edges[view.selection] ?? null) : null;
  const onCanvas = new Set(Object.keys(graph.nodes));
  const details = side === 'details' && !reader;
  if (!panels.rightOpen) {
    return (
      <aside className="sidebar right rail" hidden={hidden}>
        <button
          type="button"
          onClick={panels.toggleRight}
          title="Show details, load and merge"
          aria-label="Show details, load and merge"
          data-testid="expand-right"
        >
          «
        </button>
      </aside>
    );
  }
  return (
    <aside className="sidebar right" hidden={hidden}>
      <div className="side-tabs" role="tablist">
        {SIDES.map(([id, text]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={side === id}
            className={side === id ? 'active' : ''}
            onClick={() => panels.setSide(id)}
            data-testid={`side-${id}`}
          >
            {text}
          </button>
        ))}
        <button
          type="button"
          className="side-collapse"
          onClick={panels.toggleRight}
          title="Hide this panel"
          aria-label="Hide this panel"
          data-testid="collapse-right"
        >
          »
        </button>
      </div>
      <div className="side-body">
        {side === 'details' && reader && (
          <ArticleReader
            articleId={reader.articleId}
            sentence={reader.sentence}
            onClose={() => panels.setReader(null)}
            onEntity={(entity) => onAddHits([{ ...entity, aliases: [...entity.aliases], score: 0, mentionCount: 1 }])}
          />
        )}
        {details && selectedNode && (
          <NodeDetails
            key={selectedNode.id}
            node={selectedNode}
            pinned={graph.pinned.includes(selectedNode.id)}
            more={graph.more[selectedNode.id] ?? 0}
            onCanvas={onCanvas}
            actions={nodeActions}
          />
        )}
        {details && selectedEdge && (
          <EdgeDetails
            key={selectedEdge.id}
            edge={selectedEdge}
            source={graph.nodes[selectedEdge.source]}
            target={graph.nodes[selectedEdge.target]}
            onShowNode={nodeActions.onShowNode}
            onOpenEvidence={nodeActions.onOpenEvidence}
          />
        )}
        {details && !selectedNode && !selectedEdge && (
          <div className="placeholder" data-testid="details-empty">
            <h2 className="panel-title">Details</h2>
            <p className="muted">
              Select a node or a relationship on the canvas to see its properties, aliases and the sentences that
              support each relationship.
            </p>
            {stats && <DatabaseSummary stats={stats} />}
          </div>
        )}
        {side === 'load' && <LoaderPanel onLoaded={onLoaded} />}
        {side === 'merge' && (
          <MergePanel
            keep={merging.keep}
            merge={merging.merge}
            selected={selectedNode}
            message={merging.message}
            onChange={merging.change}
            onRequestMerge={merging.request}
          />
        )}
      </div>
    </aside>
  );
}
