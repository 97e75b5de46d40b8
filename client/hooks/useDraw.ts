// Putting nodes on the canvas: the element cap (ask before drawing a huge graph) and the edges that tie new nodes in.
import { type RefObject, useCallback, useState } from 'react';
import * as api from '../api/explorer.ts';
import type { GraphEdge, GraphNode, SearchHit } from '../api/types.ts';
import type { CanvasHandle } from '../graph/Canvas.tsx';
import { type MessageKey, plural, t } from '../i18n/index.ts';
import { elementCount, exceedsCap, newElementCount, trimToCap } from '../state/graph.ts';
import type { Highlight } from '../state/view.ts';
import type { Status } from './useStatus.ts';
import type { ViewStore } from './useView.ts';

/**
 * Most ids the server takes in one list (server/graphql/limits.ts maxIds). A larger canvas sends its most recently
 * drawn nodes: edges to older ones are missed, which is what a user of such a canvas is least likely to look at.
 */
export const MAX_IDS_PER_REQUEST = 1000;

/** Most nodes an "add events" draws with them (the events and their participants). */
export const EVENT_PARTICIPANTS_MAX = 400;

export interface DrawRequest {
  nodes: GraphNode[];
  edges: GraphEdge[];
  more?: Record<string, number>;
  highlight?: Partial<Highlight>;
  select?: string;
}

export interface PendingDraw extends DrawRequest {
  /** Elements the canvas would hold after drawing it all. */
  total: number;
}

export interface Drawing {
  /** Draws, or first asks (pending) when the canvas would pass the element cap; `confirmed` skips asking. */
  draw: (add: DrawRequest, confirmed?: boolean) => void;
  pending: PendingDraw | null;
  /** The answer to the pending question: draw all, draw the best-connected part, or nothing. */
  resolvePending: (choice: 'all' | 'trim' | 'cancel') => void;
  /** Canvas node ids to send as `drawn` (at most MAX_IDS_PER_REQUEST, newest first kept). */
  drawnIds: (room?: number) => string[];
  /** Draws nodes with every edge between them and the canvas. */
  showNodes: (nodes: GraphNode[], opts?: { select?: string; highlight?: Partial<Highlight> }) => Promise<void>;
  /** Search hits onto the canvas (one hit is selected and centred). */
  addHits: (hits: SearchHit[]) => void;
  /** Nodes by id onto the canvas (a query result); `origin` names where they came from in the notice. */
  showIds: (ids: string[], origin: MessageKey) => void;
}

function hitToNode(hit: SearchHit): GraphNode {
  return { id: hit.id, label: hit.label, name: hit.name, weight: hit.mentionCount };
}

export function useDraw(store: ViewStore, status: Status, canvas: RefObject<CanvasHandle | null>): Drawing {
  const { dispatch, graphRef } = store;
  const { withBusy, setNotice } = status;
  const [pending, setPending] = useState<PendingDraw | null>(null);

  const draw = useCallback(
    (add: DrawRequest, confirmed = false) => {
      const current = graphRef.current;
      if (!confirmed && exceedsCap(current, add)) {
        setPending({ ...add, total: elementCount(current) + newElementCount(current, add) });
        return;
      }
      dispatch({ type: 'add', ...add });
    },
    [dispatch, graphRef],
  );

  const resolvePending = useCallback(
    (choice: 'all' | 'trim' | 'cancel') => {
      if (pending && choice === 'all') draw(pending, true);
      if (pending && choice === 'trim') draw(trimToCap(graphRef.current, pending), true);
      setPending(null);
    },
    [draw, graphRef, pending],
  );

  const drawnIds = useCallback(
    (room = MAX_IDS_PER_REQUEST) => {
      const ids = Object.keys(graphRef.current.nodes);
      return ids.length <= room ? ids : ids.slice(ids.length - room);
    },
    [graphRef],
  );

  const showNodes = useCallback(
    async (nodes: GraphNode[], opts: { select?: string; highlight?: Partial<Highlight> } = {}) => {
      if (nodes.length === 0) return;
      const fresh = nodes.map((n) => n.id).slice(0, MAX_IDS_PER_REQUEST);
      const ids = [...new Set([...drawnIds(MAX_IDS_PER_REQUEST - fresh.length), ...fresh])];
      const edges = await api.edgesAmong(ids);
      draw({ nodes, edges, ...opts });
    },
    [draw, drawnIds],
  );

  const addHits = useCallback(
    (hits: SearchHit[]) => {
      void withBusy(
        t('status.addingToCanvas'),
        async () => {
          // nodesByIds gives the canvas shape (kind, date); hits fill in if the server lacks a node.
          const nodes = await api.nodesByIds(hits.map((h) => h.id));
          const byId = new Map(nodes.map((n) => [n.id, n]));
          const all = hits.map((h) => byId.get(h.id) ?? hitToNode(h));
          // An event alone says little: its participants come with it, so "add all" events are not loose diamonds.
          const events = all.filter((n) => n.label === 'Event').map((n) => n.id);
          const participants =
            events.length === 0
              ? []
              : (
                  await api.neighborhood(events, {
                    relationTypes: ['PARTICIPATES_IN'],
                    limit: Math.min(EVENT_PARTICIPANTS_MAX, events.length * 10),
                  })
                ).nodes.filter((n) => !byId.has(n.id));
          await showNodes([...all, ...participants], { select: all.length === 1 ? all[0].id : undefined });
          if (all.length === 1) canvas.current?.center(all[0].id);
        },
        t('status.couldNotAdd'),
      );
    },
    [canvas, showNodes, withBusy],
  );

  const showIds = useCallback(
    (ids: string[], origin: MessageKey) => {
      void withBusy(
        t('status.drawing'),
        async () => {
          const nodes = await api.nodesByIds(ids);
          if (nodes.length === 0) {
            setNotice({ kind: 'info', text: () => t('status.noneOfIds', { origin: t(origin), count: ids.length }) });
            return;
          }
          await showNodes(nodes);
          setNotice({
            kind: 'info',
            text: () =>
              plural(nodes.length, 'status.drewNodes.one', 'status.drewNodes.other', {
                origin: t(origin),
                ids: ids.length,
              }),
          });
        },
        t('status.couldNotDraw', { origin: t(origin) }),
      );
    },
    [setNotice, showNodes, withBusy],
  );

  return { draw, pending, resolvePending, drawnIds, showNodes, addHits, showIds };
}
