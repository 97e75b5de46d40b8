// The graph canvas: owns the cytoscape instance and keeps it in step with the view state it is given.

import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import type { Filters, Visibility } from '../state/filters.ts';
import type { CanvasGraph } from '../state/graph.ts';
import type { Highlight } from '../state/view.ts';
import { adaptToSize, applyNodeSizes, createCytoscape } from './cy.ts';
import { edgeElement, nodeCaption, nodeElement } from './elements.ts';
import { exportPngWithLegend } from './exportPng.ts';
import { bindHover, type HoverTip } from './hover.ts';
import { fitView, type RunningLayout, runFullLayout, runIncrementalLayout, runRefreshLayout } from './layout.ts';
import { NodeTip } from './NodeTip.tsx';
import { relationLabel } from './types.ts';

export interface CanvasHandle {
  /** PNG of the whole drawing (not just the viewport), white background, the legend under it. */
  exportPng: () => Promise<Blob>;
  /** Current model positions of drawn nodes, for the JSON export. */
  positions: () => Record<string, { x: number; y: number }>;
  fit: () => void;
  zoomBy: (factor: number) => void;
  /** Centres the view on a node without changing zoom. */
  center: (id: string) => void;
}

export interface CanvasProps {
  graph: CanvasGraph;
  visibility: Visibility;
  /** The filters behind `visibility`: when they change, the drawing is laid out again from where it is. */
  filters: Filters;
  highlight: Highlight;
  selection: string | null;
  /** Changing this number runs a fresh full layout. */
  relayout: number;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  handleRef: RefObject<CanvasHandle | null>;
}

declare global {
  interface Window {
    /** The live cytoscape instance, for browser tests and the devtools console. */
    __newsgraph?: { cy: Core };
  }
}

function setClass(cy: Core, className: string, ids: ReadonlySet<string> | readonly string[]): void {
  const wanted = ids instanceof Set ? ids : new Set(ids as readonly string[]);
  cy.elements(`.${className}`).forEach((el) => {
    if (!wanted.has(el.id())) el.removeClass(className);
  });
  for (const id of wanted) cy.getElementById(id).addClass(className);
}

export function Canvas(props: CanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<RunningLayout | null>(null);
  // Whether the last sync added nodes (their layout is already running when a filter change comes with them).
  const addedInSync = useRef(false);
  const [tip, setTip] = useState<HoverTip | null>(null);
  const { lang, t } = useI18n();
  // Latest callbacks without re-binding cytoscape listeners on every render.
  const callbacks = useRef({ onSelect: props.onSelect, onExpand: props.onExpand });
  callbacks.current = { onSelect: props.onSelect, onExpand: props.onExpand };

  // biome-ignore lint/correctness/useExhaustiveDependencies: cytoscape is created once per mount; handleRef is a stable ref object
  useEffect(() => {
    const cy = createCytoscape(container.current);
    cyRef.current = cy;
    window.__newsgraph = { cy };
    cy.on('tap', (event) => {
      if (event.target === cy) callbacks.current.onSelect(null);
      else callbacks.current.onSelect(event.target.id());
    });
    cy.on('dbltap', 'node', (event) => callbacks.current.onExpand(event.target.id()));
    const unbindHover = bindHover(cy, setTip);
    props.handleRef.current = {
      exportPng: () => exportPngWithLegend(cy),
      positions: () => Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
      fit: () => fitView(cy, true),
      zoomBy: (factor) =>
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      center: (id) => {
        const el = cy.getElementById(id);
        if (el.nonempty()) cy.animate({ center: { eles: el }, duration: 250 });
      },
    };
    // The container changes size with the window and when panels open; cytoscape must be told.
    const observer = new ResizeObserver(() => cy.resize());
    if (container.current) observer.observe(container.current);
    return () => {
      unbindHover();
      observer.disconnect();
      layoutRef.current?.stop();
      props.handleRef.current = null;
      if (window.__newsgraph?.cy === cy) delete window.__newsgraph;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Sync elements and visibility; lay out whatever is new.
  // biome-ignore lint/correctness/useExhaustiveDependencies: syncs when the graph or the visibility changes, not on every new props object
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { graph, visibility } = props;
    let hadNodes = false;
    let added: NodeCollection = cy.collection().nodes();
    cy.batch(() => {
      cy.edges().forEach((e) => {
        if (!graph.edges[e.id()]) e.remove();
      });
      cy.nodes().forEach((n) => {
        if (!graph.nodes[n.id()]) n.remove();
      });
      // A canvas replaced whole (a link opened, undo to an earlier view) is laid out and fitted afresh.
      hadNodes = cy.nodes().length > 0;
      const newNodes = [];
      for (const node of Object.values(graph.nodes)) {
        const element = nodeElement(node, graph.more[node.id] ?? 0);
        const existing = cy.getElementById(node.id);
        if (existing.empty()) newNodes.push(element);
        else if (existing.data('caption') !== element.data.caption || existing.data('weight') !== element.data.weight) {
          existing.data(element.data);
        }
      }
      added = cy.add(newNodes as ElementDefinition[]).nodes();
      const newEdges = [];
      for (const edge of Object.values(graph.edges)) {
        const existing = cy.getElementById(edge.id);
        if (existing.empty()) newEdges.push(edgeElement(edge));
        else if (existing.data('support') !== edge.support) existing.data('support', Math.max(1, edge.support));
      }
      cy.add(newEdges as ElementDefinition[]);
      cy.nodes().forEach((n) => {
        if (visibility.nodes.has(n.id())) n.removeClass('filtered');
        else n.addClass('filtered');
      });
      cy.edges().forEach((e) => {
        if (visibility.edges.has(e.id())) e.removeClass('filtered');
        else e.addClass('filtered');
      });
      setClass(cy, 'pinned', graph.pinned);
    });

    adaptToSize(cy);
    applyNodeSizes(cy);

    addedInSync.current = added.nonempty();
    if (added.nonempty()) {
      layoutRef.current?.stop();
      if (!hadNodes) {
        layoutRef.current = runFullLayout(cy);
      } else {
        const layout = runIncrementalLayout(cy, added);
        layoutRef.current = layout;
        void layout.done.then(() => {
          if (cyRef.current !== cy) return;
          // Bring the new nodes into view only when some ended up off screen.
          const ext = cy.extent();
          const outside = added.nodes().some((n) => {
            const p = (n as NodeSingular).position();
            return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2;
          });
          if (outside) fitView(cy, true);
        });
      }
    }
  }, [props.graph, props.visibility]);

  // Captions are words in the UI language: a language switch rewrites them in place (no layout).
  const captionLang = useRef(lang);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a language switch rewrites the captions; graph changes are synced above
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || captionLang.current === lang) return;
    captionLang.current = lang;
    const { graph } = props;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const node = graph.nodes[n.id()];
        if (node) n.data('caption', nodeCaption(node, graph.more[node.id] ?? 0));
      });
      cy.edges().forEach((e) => {
        e.data('caption', relationLabel(e.data('type')));
      });
    });
  }, [lang]);

  // Re-layout after a filter change (declared after the sync above, so it sees the new visibility).
  const seenFilters = useRef(props.filters);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || seenFilters.current === props.filters) return;
    seenFilters.current = props.filters;
    if (addedInSync.current) return;
    layoutRef.current?.stop();
    layoutRef.current = runRefreshLayout(cy);
  }, [props.filters]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: highlights are re-applied after the graph changes, since new elements lack the classes
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const h = props.highlight;
    cy.batch(() => {
      setClass(cy, 'created', h.created);
      setClass(cy, 'merged', h.merged);
      setClass(cy, 'path', [...h.pathNodes, ...h.pathEdges]);
      const onPath = new Set([...h.pathNodes, ...h.pathEdges]);
      if (onPath.size > 0)
        setClass(
          cy,
          'dimmed',
          cy
            .elements()
            .filter((el) => !onPath.has(el.id()))
            .map((el) => el.id()),
        );
      else cy.elements('.dimmed').removeClass('dimmed');
    });
  }, [props.highlight, props.graph]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is re-applied after the graph changes, since a re-added element is unselected
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selected = cy.$(':selected');
    if (props.selection === null) {
      selected.unselect();
      return;
    }
    if (selected.length === 1 && selected.id() === props.selection) return;
    selected.unselect();
    cy.getElementById(props.selection).select();
  }, [props.selection, props.graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || props.relayout === 0) return;
    layoutRef.current?.stop();
    layoutRef.current = runFullLayout(cy);
  }, [props.relayout]);

  const tipNode = tip ? props.graph.nodes[tip.id] : undefined;
  return (
    <>
      <div ref={container} className="canvas" data-testid="canvas" aria-label={t('canvas.label')} role="img" />
      {tip && tipNode && <NodeTip tip={tip} node={tipNode} more={props.graph.more[tip.id] ?? 0} />}
    </>
  );
}
