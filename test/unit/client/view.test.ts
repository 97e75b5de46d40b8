// Unit tests: canvas state steps (add, hide, pin, merge) and what the filters leave visible.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../client/api/types.ts';
import {
  computeVisibility,
  dateBounds,
  dateInRange,
  NO_FILTERS,
  pathRelationTypes,
} from '../../../client/state/filters.ts';
import { addElements, EMPTY_GRAPH, exceedsCap, newElementCount, trimToCap } from '../../../client/state/graph.ts';
import { INITIAL_VIEW, type ViewAction, type ViewState, viewReducer } from '../../../client/state/view.ts';

const n = (id: string, label = 'Company', extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  label,
  name: id.toUpperCase(),
  weight: 1,
  ...extra,
});
const e = (id: string, source: string, target: string, type = 'SANCTIONS'): GraphEdge => ({
  id,
  source,
  target,
  type,
  support: 1,
});

function run(...actions: ViewAction[]): ViewState {
  return actions.reduce(viewReducer, INITIAL_VIEW);
}

describe('view reducer', () => {
  const add: ViewAction = {
    type: 'add',
    nodes: [n('huawei'), n('usa', 'Government')],
    edges: [e('r1', 'usa', 'huawei')],
  };

  it('adds nodes and edges as one undoable step', () => {
    const s = run(add);
    expect(Object.keys(s.history.present.nodes)).toEqual(['huawei', 'usa']);
    expect(Object.keys(s.history.present.edges)).toEqual(['r1']);
    const undone = viewReducer(s, { type: 'undo' });
    expect(undone.history.present).toBe(EMPTY_GRAPH);
    expect(viewReducer(undone, { type: 'redo' }).history.present).toBe(s.history.present);
  });

  it('records expand truncation per node', () => {
    const s = run({ ...add, more: { huawei: 40 } });
    expect(s.history.present.more).toEqual({ huawei: 40 });
  });

  it('hides and pins as undoable steps; hiding the selection clears it', () => {
    let s = run(add, { type: 'select', id: 'usa' }, { type: 'hide', ids: ['usa'] });
    expect(s.history.present.hidden).toEqual(['usa']);
    expect(s.selection).toBeNull();
    s = viewReducer(s, { type: 'togglePin', ids: ['huawei'] });
    expect(s.history.present.pinned).toEqual(['huawei']);
    s = viewReducer(s, { type: 'undo' });
    expect(s.history.present.pinned).toEqual([]);
    s = viewReducer(s, { type: 'undo' });
    expect(s.history.present.hidden).toEqual([]);
  });

  it('drops the selection when undo removes the selected node', () => {
    const s = run(add, { type: 'add', nodes: [n('xiaomi')], edges: [], select: 'xiaomi' }, { type: 'undo' });
    expect(s.selection).toBeNull();
  });

  it('after a merge, forgets the merged node in every undo step and redraws the kept one', () => {
    const s = run(
      { type: 'add', nodes: [n('huawei'), n('huaewei'), n('usa', 'Government')], edges: [e('r1', 'usa', 'huaewei')] },
      { type: 'select', id: 'huaewei' },
      {
        type: 'merged',
        keptId: 'huawei',
        mergedIds: ['huaewei'],
        keptNode: n('huawei', 'Company', { weight: 4 }),
        edges: [e('r9', 'usa', 'huawei')],
      },
    );
    expect(Object.keys(s.history.present.nodes).sort()).toEqual(['huawei', 'usa']);
    expect(s.history.present.nodes.huawei.weight).toBe(4);
    expect(Object.keys(s.history.present.edges)).toEqual(['r9']);
    expect(s.selection).toBe('huawei');
    const undone = viewReducer(s, { type: 'undo' });
    expect(undone.history.present.nodes.huaewei).toBeUndefined();
  });

  it('keeps only edges whose endpoints are drawn', () => {
    const g = addElements(EMPTY_GRAPH, { nodes: [n('a')], edges: [e('r', 'a', 'b')] });
    expect(g.edges).toEqual({});
  });
});

describe('filters', () => {
  const graph = addElements(EMPTY_GRAPH, {
    nodes: [
      n('huawei'),
      n('usa', 'Government'),
      n('ev2019', 'Event', { kind: 'SANCTION', date: '2019-05-15' }),
      n('ev2021', 'Event', { kind: 'SANCTION_LIFTED', date: '2021-05' }),
      n('evNone', 'Event', { kind: 'MEETING', date: null }),
    ],
    edges: [
      e('r1', 'usa', 'huawei'),
      e('p1', 'huawei', 'ev2019', 'PARTICIPATES_IN'),
      e('p2', 'huawei', 'ev2021', 'PARTICIPATES_IN'),
    ],
  });

  it('shows everything without filters', () => {
    const v = computeVisibility(graph, NO_FILTERS);
    expect(v.nodes.size).toBe(5);
    expect(v.edges.size).toBe(3);
  });

  it('removes events outside the date range, and their edges', () => {
    const v = computeVisibility(graph, { ...NO_FILTERS, from: '2021-01-01', to: '2021-12-31' });
    expect([...v.nodes].sort()).toEqual(['ev2021', 'huawei', 'usa']);
    expect(v.edges.has('p1')).toBe(false);
    expect(v.edges.has('p2')).toBe(true);
    expect(v.eventsOutsideRange).toBe(2);
  });

  it('filters by entity type, relation type and event kind', () => {
    const v = computeVisibility(graph, {
      ...NO_FILTERS,
      hiddenTypes: ['Government'],
      hiddenRelations: ['PARTICIPATES_IN'],
      hiddenKinds: ['MEETING'],
    });
    expect([...v.nodes].sort()).toEqual(['ev2019', 'ev2021', 'huawei']);
    expect(v.edges.size).toBe(0);
  });

  it('draws co-mention edges only when co-mentions are switched on', () => {
    const withCo = addElements(graph, { nodes: [], edges: [e('c1', 'usa', 'huawei', 'CO_MENTIONED')] });
    expect(computeVisibility(withCo, NO_FILTERS).edges.has('c1')).toBe(false);
    expect(computeVisibility(withCo, NO_FILTERS).edges.has('r1')).toBe(true);
    expect(computeVisibility(withCo, { ...NO_FILTERS, coMentions: true }).edges.has('c1')).toBe(true);
  });

  it('lets paths use the facts the filters show, and co-mentions only when they are on', () => {
    const facts = pathRelationTypes(NO_FILTERS);
    expect(facts).toEqual(expect.arrayContaining(['SANCTIONS', 'EMPLOYED_BY', 'PARTICIPATES_IN', 'CITES']));
    expect(facts).not.toContain('CO_MENTIONED');
    expect(facts).not.toContain('MENTIONS');
    expect(pathRelationTypes({ ...NO_FILTERS, coMentions: true })).toContain('CO_MENTIONED');
    expect(pathRelationTypes({ ...NO_FILTERS, hiddenRelations: ['SANCTIONS'] })).not.toContain('SANCTIONS');
  });

  it('hides user-hidden nodes and the edges touching them', () => {
    const v = computeVisibility({ ...graph, hidden: ['usa'] }, NO_FILTERS);
    expect(v.nodes.has('usa')).toBe(false);
    expect(v.edges.has('r1')).toBe(false);
  });

  it('treats partial dates as the span they cover', () => {
    expect(dateBounds('2021')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(dateBounds('2020-02')).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(dateInRange('2021', '2021-06-01', null)).toBe(true);
    expect(dateInRange('2021-05-31', '2021-06-01', null)).toBe(false);
    expect(dateInRange(null, '2021-06-01', null)).toBe(false);
    expect(dateInRange(null, null, null)).toBe(true);
  });
});

describe('element cap', () => {
  const many = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => n(`${prefix}${i}`, 'Company', { weight: i }));

  it('asks before the canvas would pass the cap, counting only elements not drawn yet', () => {
    const drawn = addElements(EMPTY_GRAPH, { nodes: many('a', 6), edges: [] });
    expect(exceedsCap(drawn, { nodes: many('a', 6), edges: [] }, 8)).toBe(false);
    expect(exceedsCap(drawn, { nodes: many('b', 2), edges: [] }, 8)).toBe(false);
    expect(exceedsCap(drawn, { nodes: many('b', 3), edges: [] }, 8)).toBe(true);
    expect(newElementCount(drawn, { nodes: [...many('a', 2), ...many('b', 3)], edges: [] })).toBe(3);
  });

  it('trims to the most-mentioned new nodes that fit, keeping only edges among kept nodes', () => {
    const drawn = addElements(EMPTY_GRAPH, { nodes: many('a', 2), edges: [] });
    const add = { nodes: many('b', 10), edges: [e('x', 'a0', 'b9'), e('y', 'a0', 'b0')] };
    const trimmed = trimToCap(drawn, add, 8);
    expect(trimmed.nodes.map((x) => x.id)).toEqual(['b9', 'b8', 'b7']);
    expect(trimmed.edges.map((x) => x.id)).toEqual(['x']);
  });
});
