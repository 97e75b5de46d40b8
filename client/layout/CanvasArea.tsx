// The middle column of the Explore tab: toolbar, the graph canvas (or what it says when empty), timeline, legend.
import { type RefObject, useMemo } from 'react';
import type { GraphStats, SearchHit, TimelineEvent } from '../api/types.ts';
import type { RequestState } from '../api/useLatest.ts';
import { Canvas, type CanvasHandle } from '../graph/Canvas.tsx';
import { Legend } from '../graph/Legend.tsx';
import type { Panels } from '../hooks/usePanels.ts';
import { useStartingPoints } from '../hooks/useStartingPoints.ts';
import type { ViewStore } from '../hooks/useView.ts';
import { Timeline } from '../panels/timeline/Timeline.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { EmptyState } from './EmptyState.tsx';

export interface CanvasAreaProps {
  hidden: boolean;
  store: ViewStore;
  canvas: RefObject<CanvasHandle | null>;
  panels: Panels;
  busy: string | null;
  stats: RequestState<GraphStats>;
  timeline: RequestState<TimelineEvent[]>;
  typeCounts: Record<string, number>;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  onOpenLoader: () => void;
  onPick: (hits: SearchHit[]) => void;
}

export function CanvasArea(props: CanvasAreaProps) {
  const { store, canvas, timeline } = props;
  const { view, graph, visibility, dispatch } = store;
  const onCanvas = useMemo(() => new Set(Object.keys(graph.nodes)), [graph.nodes]);
  const firstVisit = onCanvas.size === 0 && props.stats.status === 'ok' && (props.stats.data?.articles ?? 0) > 0;
  const suggestions = useStartingPoints(firstVisit, timeline.data);
  return (
    <section className="center" hidden={props.hidden}>
      <CanvasToolbar store={store} canvas={canvas} busy={props.busy} panels={props.panels} />
      <div className="canvas-wrap">
        <Canvas
          graph={graph}
          visibility={visibility}
          filters={view.filters}
          highlight={view.highlight}
          selection={view.selection}
          relayout={view.relayout}
          onSelect={props.onSelect}
          onExpand={props.onExpand}
          handleRef={canvas}
        />
        <EmptyState
          totalNodes={onCanvas.size}
          nodesDrawn={visibility.nodes.size}
          busy={props.busy !== null}
          serverDown={props.stats.status === 'error'}
          stats={props.stats.data}
          onOpenLoader={props.onOpenLoader}
          suggestions={suggestions}
          onPick={props.onPick}
        />
      </div>
      <Timeline
        events={timeline.data ?? []}
        loading={timeline.status === 'loading'}
        error={timeline.status === 'error' ? timeline.error : null}
        onCanvas={onCanvas}
        from={view.filters.from}
        to={view.filters.to}
        onRange={(from, to) => dispatch({ type: 'filters', filters: { ...view.filters, from, to } })}
        hiddenByRange={visibility.eventsOutsideRange}
      />
      <Legend counts={props.typeCounts} />
    </section>
  );
}
