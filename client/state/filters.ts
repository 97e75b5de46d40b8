// Filters (co-mentions, entity type, relation type, event kind, date range) and which canvas elements they leave visible.
import { RELATION_TYPES } from '../api/types.ts';
import type { CanvasGraph } from './graph.ts';

/** Two entities named in one sentence with no stated relation: the weakest signal, off unless asked for. */
export const CO_MENTIONED = 'CO_MENTIONED';

export interface Filters {
  /** Draw co-mention edges (and expand to neighbours tied only by them). Off by default: facts first. */
  readonly coMentions: boolean;
  /** Node labels the user switched off (exclusion lists, so types first seen later are shown). */
  readonly hiddenTypes: readonly string[];
  readonly hiddenRelations: readonly string[];
  readonly hiddenKinds: readonly string[];
  /** Inclusive ISO dates (YYYY-MM-DD) bounding Event nodes; null = open. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTERS: Filters = Object.freeze({
  coMentions: false,
  hiddenTypes: [],
  hiddenRelations: [],
  hiddenKinds: [],
  from: null,
  to: null,
});

export function hasDateRange(filters: Filters): boolean {
  return filters.from !== null || filters.to !== null;
}

export function isFiltering(filters: Filters): boolean {
  return (
    filters.coMentions !== NO_FILTERS.coMentions ||
    filters.hiddenTypes.length + filters.hiddenRelations.length + filters.hiddenKinds.length > 0 ||
    hasDateRange(filters)
  );
}

/** First and last day covered by a possibly partial ISO date ("2021", "2021-05", "2021-05-11T…"). */
export function dateBounds(date: string): { start: string; end: string } | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
  if (mo) {
    const lastDay = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(lastDay).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** True when a (possibly partial) date overlaps the filter's range; undated events never match a range. */
export function dateInRange(date: string | null | undefined, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (!date) return false;
  const bounds = dateBounds(date);
  if (!bounds) return false;
  if (from !== null && bounds.end < from) return false;
  if (to !== null && bounds.start > to) return false;
  return true;
}

export interface Visibility {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** Event nodes removed by the date range (for the "N events outside the range" note). */
  readonly eventsOutsideRange: number;
}

/** Which nodes and edges to draw: not hidden by the user, not filtered out, and edges only between drawn nodes. */
export function computeVisibility(graph: CanvasGraph, filters: Filters): Visibility {
  const hidden = new Set(graph.hidden);
  const hiddenTypes = new Set(filters.hiddenTypes);
  const hiddenKinds = new Set(filters.hiddenKinds);
  const hiddenRelations = new Set(filters.hiddenRelations);
  const ranged = hasDateRange(filters);
  const nodes = new Set<string>();
  let eventsOutsideRange = 0;
  for (const node of Object.values(graph.nodes)) {
    if (hidden.has(node.id) || hiddenTypes.has(node.label)) continue;
    if (node.label === 'Event') {
      if (node.kind && hiddenKinds.has(node.kind)) continue;
      if (ranged && !dateInRange(node.date, filters.from, filters.to)) {
        eventsOutsideRange++;
        continue;
      }
    }
    nodes.add(node.id);
  }
  const edges = new Set<string>();
  for (const edge of Object.values(graph.edges)) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target) || hiddenRelations.has(edge.type)) continue;
    if (edge.type === CO_MENTIONED && !filters.coMentions) continue;
    edges.add(edge.id);
  }
  return { nodes, edges, eventsOutsideRange };
}

/** Relationship types a path may go through: every kind of fact the filters show; co-mentions only when switched on. */
export function pathRelationTypes(filters: Filters): string[] {
  const hidden = new Set(filters.hiddenRelations);
  return [...RELATION_TYPES, 'PARTICIPATES_IN'].filter(
    (t) => !hidden.has(t) && (t !== CO_MENTIONED || filters.coMentions),
  );
}
