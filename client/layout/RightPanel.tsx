// The right column of the Explore tab: details of the selection (or the article reader), the loader, merging.
import type { GraphStats, IngestResult, SearchHit } from '../api/types.ts';
import { ShapeIcon } from '../graph/ShapeIcon.tsx';
import type { Merging } from '../hooks/useMerge.ts';
import type { Panels, Side } from '../hooks/usePanels.ts';
import type { ViewStore } from '../hooks/useView.ts';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import { typeName, typePlural } from '../i18n/labels.ts';
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

const SIDES: [Side, MessageKey][] = [
  ['details', 'side.details'],
  ['load', 'side.load'],
  ['merge', 'common.merge'],
];

function DatabaseSummary({ stats }: { stats: GraphStats }) {
  const { t } = useI18n();
  return (
    <dl className="props" aria-label={t('db.inDatabase')}>
      <div>
        <dt>
          <strong>{t('db.inDatabase')}</strong>
        </dt>
        <dd />
      </div>
      <div>
        <dt>{typePlural('Article')}</dt>
        <dd>{stats.articles}</dd>
      </div>
      <div>
        <dt>{t('db.entities')}</dt>
        <dd>{stats.entities}</dd>
      </div>
      <div>
        <dt>{typePlural('Event')}</dt>
        <dd>{stats.events}</dd>
      </div>
      {stats.labels.map((l) => (
        <div key={l.key}>
          <dt>
            <ShapeIcon label={l.key} size={12} /> {typeName(l.key)}
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
  const { t } = useI18n();
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
          title={t('right.show')}
          aria-label={t('right.show')}
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
        {SIDES.map(([id, key]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={side === id}
            className={side === id ? 'active' : ''}
            onClick={() => panels.setSide(id)}
            data-testid={`side-${id}`}
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          className="side-collapse"
          onClick={panels.toggleRight}
          title={t('right.hide')}
          aria-label={t('right.hide')}
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
            <h2 className="panel-title">{t('side.details')}</h2>
            <p className="muted">{t('details.emptyHelp')}</p>
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
