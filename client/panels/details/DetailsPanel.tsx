// Details of the selected node or edge: properties, aliases, and every relationship with its evidence sentences.
import { useEffect } from 'react';
import * as api from '../../api/explorer.ts';
import type { EdgeEvidence, GraphEdge, GraphNode, NodeProperties } from '../../api/types.ts';
import { useLatest } from '../../api/useLatest.ts';
import { parseProps } from '../../graph/elements.ts';
import { ShapeIcon } from '../../graph/ShapeIcon.tsx';
import { kindLabel, relationLabel } from '../../graph/types.ts';
import { dictionary, getLang, showDate, useI18n } from '../../i18n/index.ts';
import { typeName } from '../../i18n/labels.ts';
import { EvidenceList, type OpenEvidence } from './Evidence.tsx';
import { MergedFrom } from './MergedFrom.tsx';
import {
  groupRelationships,
  NO_SENTENCE_TYPES,
  type Relationship,
  relationshipsOf,
  startsCollapsed,
} from './relationships.ts';

/** Relationships read for the panel; a node with more says so and offers the canvas for the rest. */
export const DETAILS_NEIGHBOUR_LIMIT = 120;

export interface NodeActions {
  onExpand: (id: string) => void;
  onHide: (id: string) => void;
  onTogglePin: (id: string) => void;
  onPathEnd: (end: 'from' | 'to', node: GraphNode) => void;
  onMergeSlot: (slot: 'keep' | 'merge', node: GraphNode) => void;
  onShowNode: (node: GraphNode) => void;
  onOpenEvidence: (e: OpenEvidence) => void;
  /** Undoes merge `mergeId` of entity `id`; resolves with a line for the user. */
  onSplit: (id: string, mergeId: string) => Promise<string>;
}

interface NodeDetails {
  props: NodeProperties;
  relationships: Relationship[];
  truncated: boolean;
  remaining: number;
  evidenceError?: string;
}

function PropsTable({ rows }: { rows: [string, React.ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="props">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A relation property in the UI language where its name (and, for `section`, its value) is known. */
function relationPropText(key: string, value: unknown): string {
  const dict = dictionary(getLang()) as Readonly<Record<string, string>>;
  const name = dict[`relprop.${key}`] ?? key;
  const shown = key === 'section' ? (dict[`section.${String(value)}`] ?? String(value)) : String(value);
  return `${name}: ${shown}`;
}

function relationPropsText(edge: GraphEdge): string {
  const props = parseProps(edge.props);
  return Object.entries(props)
    .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
    .map(([k, v]) => relationPropText(k, v))
    .join(' · ');
}

export function NodeDetails({
  node,
  pinned,
  more,
  onCanvas,
  actions,
}: {
  node: GraphNode;
  pinned: boolean;
  more: number;
  onCanvas: ReadonlySet<string>;
  actions: NodeActions;
}) {
  const { t } = useI18n();
  const { state, run } = useLatest<NodeDetails>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when another entity is shown (its id or name), not when the same one is re-rendered
  useEffect(() => {
    void run(async (signal) => {
      const [props, sub] = await Promise.all([
        api.nodeProperties(node, signal),
        api.neighborhood([node.id], { limit: DETAILS_NEIGHBOUR_LIMIT }, signal),
      ]);
      const relationships = relationshipsOf(node.id, sub);
      const wanted = relationships.filter((r) => !NO_SENTENCE_TYPES.has(r.edge.type));
      let evidenceError: string | undefined;
      try {
        const evidence = await api.evidenceForEdges(
          wanted.map((r) => r.edge.id),
          signal,
        );
        wanted.forEach((r, i) => {
          r.evidence = evidence[i];
        });
      } catch (error) {
        if (signal.aborted) throw error;
        evidenceError = error instanceof Error ? error.message : String(error);
      }
      return { props, relationships, truncated: sub.truncated, remaining: sub.remaining, evidenceError };
    });
  }, [node.id, node.label, node.name, run]);

  const details = state.data;
  const props = details?.props ?? {};
  const aliases = (props.aliases ?? []).filter((a) => a !== node.name);
  const isEntity = node.label !== 'Event' && node.label !== 'Article';
  return (
    <div className="details" data-testid="details" data-node-id={node.id}>
      <header className="details-header">
        <ShapeIcon label={node.label} size={22} />
        <div>
          <div className="details-type">
            {typeName(node.label)}
            {node.kind ? ` · ${kindLabel(node.kind)}` : ''}
          </div>
          <h2 className="details-title">{node.label === 'Event' && props.summary ? props.summary : node.name}</h2>
        </div>
      </header>
      <div className="button-row">
        <button type="button" onClick={() => actions.onExpand(node.id)} title={t('details.expandTitle')}>
          {t('common.expand')}
        </button>
        <button type="button" onClick={() => actions.onTogglePin(node.id)}>
          {pinned ? t('common.unpin') : t('common.pin')}
        </button>
        <button type="button" onClick={() => actions.onHide(node.id)}>
          {t('common.hide')}
        </button>
        <button type="button" onClick={() => actions.onPathEnd('from', node)} title={t('details.pathFromTitle')}>
          {t('details.pathFrom')}
        </button>
        <button type="button" onClick={() => actions.onPathEnd('to', node)} title={t('details.pathToTitle')}>
          {t('details.pathTo')}
        </button>
        {isEntity && (
          <button type="button" onClick={() => actions.onMergeSlot('keep', node)} title={t('details.mergeTitle')}>
            {t('common.mergeAsk')}
          </button>
        )}
        {node.label === 'Article' && (
          <button type="button" onClick={() => actions.onOpenEvidence({ articleId: node.id, sentence: null })}>
            {t('details.readArticle')}
          </button>
        )}
      </div>
      {more > 0 && (
        <p className="note">
          {t('details.moreNotDrawn', { count: more })}{' '}
          <button type="button" className="link" onClick={() => actions.onExpand(node.id)}>
            {t('details.drawMore')}
          </button>
        </p>
      )}
      <PropsTable
        rows={[
          [t('props.aliases'), aliases.length > 0 ? aliases.join(', ') : null],
          [
            node.label === 'Article'
              ? t('props.entitiesMentioned')
              : node.label === 'Event'
                ? t('props.reportingArticles')
                : t('props.articlesMentioning'),
            // weight counts articles; an entity's mentionCount counts every mention in them.
            node.label === 'Article' ? (props.mentionCount ?? node.weight) : node.weight,
          ],
          [
            t('props.mentions'),
            node.label !== 'Article' && node.label !== 'Event' ? (props.mentionCount ?? null) : null,
          ],
          [t('props.kind'), node.kind ? kindLabel(node.kind) : null],
          [
            t('props.date'),
            props.dateText && props.dateText !== node.date
              ? `${node.date ? showDate(node.date) : ''} (“${props.dateText}”)`
              : (node.date ?? props.publishedAt)
                ? showDate(String(node.date ?? props.publishedAt))
                : null,
          ],
          [
            t('props.url'),
            props.url ? (
              <a key="url" href={props.url} target="_blank" rel="noreferrer">
                {props.url}
              </a>
            ) : null,
          ],
          [t('props.id'), <code key="id">{node.id}</code>],
        ]}
      />
      {isEntity && <MergedFrom node={node} onSplit={actions.onSplit} />}
      {state.status === 'loading' && !details && <p className="muted">{t('details.loadingRelationships')}</p>}
      {state.status === 'error' && (
        <p className="error-text">{t('details.relationshipsError', { error: state.error ?? '' })}</p>
      )}
      {details && (
        <section className="relationships" data-testid="relationships">
          <h3>
            {t('details.relationships')}{' '}
            <span className="count">
              {details.relationships.length}
              {details.truncated ? '+' : ''}
            </span>
          </h3>
          {details.evidenceError && (
            <p className="error-text">{t('details.evidenceUnavailable', { error: details.evidenceError })}</p>
          )}
          {details.relationships.length === 0 && <p className="muted">{t('details.noRelationships')}</p>}
          {groupRelationships(details.relationships).map((group) => (
            <details key={group.type} className="rel-group" open={!startsCollapsed(group)}>
              <summary>
                <span className="rel-type">{relationLabel(group.type)}</span>
                <span className="count">{group.rows.length}</span>
              </summary>
              {group.rows.map((row) => (
                <div key={row.edge.id} className="rel-row" data-testid="relationship" data-edge-id={row.edge.id}>
                  <div className="rel-head">
                    <span
                      className="rel-dir"
                      title={row.direction === 'out' ? t('details.fromThisNode') : t('details.toThisNode')}
                    >
                      {row.direction === 'out' ? '→' : '←'}
                    </span>
                    <button
                      type="button"
                      className={`link rel-other${onCanvas.has(row.other.id) ? ' on-canvas' : ''}`}
                      title={onCanvas.has(row.other.id) ? t('details.selectOnCanvas') : t('details.addToCanvas')}
                      onClick={() => actions.onShowNode(row.other)}
                    >
                      <ShapeIcon label={row.other.label} size={12} /> {row.other.name}
                    </button>
                    <span className="rel-support" title={t('props.supportingArticles')}>
                      {t('details.supportShort', { count: row.edge.support })}
                    </span>
                  </div>
                  {relationPropsText(row.edge) && <div className="rel-props">{relationPropsText(row.edge)}</div>}
                  {row.evidence && <EvidenceList items={row.evidence.items} onOpen={actions.onOpenEvidence} />}
                </div>
              ))}
            </details>
          ))}
        </section>
      )}
    </div>
  );
}

export function EdgeDetails({
  edge,
  source,
  target,
  onShowNode,
  onOpenEvidence,
}: {
  edge: GraphEdge;
  source?: GraphNode;
  target?: GraphNode;
  onShowNode: (node: GraphNode) => void;
  onOpenEvidence: (e: OpenEvidence) => void;
}) {
  const { t } = useI18n();
  const { state, run } = useLatest<EdgeEvidence>();
  useEffect(() => {
    void run((signal) => api.evidence(edge.id, signal));
  }, [edge.id, run]);
  const props = relationPropsText(edge);
  return (
    <div className="details" data-testid="details" data-edge-id={edge.id}>
      <header className="details-header">
        <div>
          <div className="details-type">{t('details.relationship')}</div>
          <h2 className="details-title">
            {source ? (
              <button type="button" className="link" onClick={() => onShowNode(source)}>
                {source.name}
              </button>
            ) : (
              edge.source
            )}
            <span className="rel-type-inline"> {relationLabel(edge.type)} </span>
            {target ? (
              <button type="button" className="link" onClick={() => onShowNode(target)}>
                {target.name}
              </button>
            ) : (
              edge.target
            )}
          </h2>
        </div>
      </header>
      <PropsTable
        rows={[
          [t('props.supportingArticles'), edge.support],
          [t('props.confidence'), edge.confidence != null ? edge.confidence.toFixed(2) : null],
          [t('props.properties'), props || null],
        ]}
      />
      <section className="relationships">
        <h3>{t('details.evidence')}</h3>
        {state.status === 'loading' && <p className="muted">{t('details.loadingEvidence')}</p>}
        {state.status === 'error' && (
          <p className="error-text">{t('details.evidenceError', { error: state.error ?? '' })}</p>
        )}
        {state.data && <EvidenceList items={state.data.items} onOpen={onOpenEvidence} />}
      </section>
    </div>
  );
}
