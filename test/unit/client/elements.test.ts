// Unit tests: GraphQL nodes/edges -> cytoscape elements.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../client/api/types.ts';
import {
  edgeElement,
  NODE_SIZE_PX,
  nodeCaption,
  nodeElement,
  nodeSizeScale,
  parseProps,
  toElements,
  truncate,
} from '../../../client/graph/elements.ts';

const huawei: GraphNode = { id: 'c1', label: 'Company', name: 'Huawei', weight: 3 };
const usa: GraphNode = { id: 'g1', label: 'Government', name: 'USA', weight: 5 };
const sanction: GraphNode = {
  id: 'ev1',
  label: 'Event',
  name: 'USA sætter Huawei på sortlisten',
  weight: 1,
  kind: 'SANCTION',
  date: '2019-05-15',
};
const sanctions: GraphEdge = {
  id: 'r1',
  source: 'g1',
  target: 'c1',
  type: 'SANCTIONS',
  support: 2,
  confidence: 0.9,
  props: null,
};

describe('toElements', () => {
  it('turns nodes and edges into cytoscape definitions keyed by id with type and support', () => {
    const els = toElements([huawei, usa], [sanctions]);
    expect(els).toHaveLength(3);
    expect(els[0]).toMatchObject({
      group: 'nodes',
      data: { id: 'c1', type: 'Company', name: 'Huawei', caption: 'Huawei', weight: 3 },
    });
    expect(els[2]).toMatchObject({
      group: 'edges',
      data: { id: 'r1', source: 'g1', target: 'c1', type: 'SANCTIONS', caption: 'sanctions', support: 2 },
    });
  });

  it('drops edges whose endpoint is not among the nodes (cytoscape would throw)', () => {
    const els = toElements([huawei], [sanctions]);
    expect(els.map((e) => e.data.id)).toEqual(['c1']);
  });

  it('marks nodes with undrawn neighbours in data and caption', () => {
    const [el] = toElements([huawei], [], { c1: 12 });
    expect(el.data).toMatchObject({ more: 12, caption: 'Huawei\n+12 more' });
  });
});

describe('captions', () => {
  it('labels events with what happened, then kind and date', () => {
    expect(nodeCaption(sanction)).toBe('USA sætter Huawei på sortlisten\nSanction · 2019-05-15');
    expect(nodeCaption({ ...sanction, date: null })).toBe('USA sætter Huawei på sortlisten\nSanction');
    expect(nodeCaption({ ...sanction, name: 'SANCTION' })).toBe('Sanction · 2019-05-15');
    const long = nodeCaption({
      ...sanction,
      name: 'USA indfører nye sanktioner mod Huawei og en række kinesiske selskaber',
    });
    expect(long.split('\n')[0]).toBe('USA indfører nye sanktioner mod…');
  });

  it('truncates long names with an ellipsis and collapses whitespace', () => {
    expect(truncate('Det amerikanske handelsministerium i Washington DC', 20)).toBe('Det amerikanske han…');
    expect(truncate('  Xiaomi \n Corp ')).toBe('Xiaomi Corp');
  });

  it('never draws a weight below 1 (mapData needs a positive value)', () => {
    expect(nodeElement({ ...huawei, weight: 0 }).data.weight).toBe(1);
    expect(edgeElement({ ...sanctions, support: 0 }).data.support).toBe(1);
  });
});

describe('parseProps', () => {
  it('reads the JSON object string and tolerates junk', () => {
    expect(parseProps('{"title":"CTO","since":"2025-10-01"}')).toEqual({ title: 'CTO', since: '2025-10-01' });
    expect(parseProps('not json')).toEqual({});
    expect(parseProps('[1,2]')).toEqual({});
    expect(parseProps(null)).toEqual({});
  });
});

describe('nodeSizeScale', () => {
  it('spreads the drawn weights over the whole size range, biggest hub biggest', () => {
    const size = nodeSizeScale([1, 2, 3, 9]);
    expect(size(1)).toBe(NODE_SIZE_PX.min);
    expect(size(9)).toBe(NODE_SIZE_PX.max);
    expect(size(3)).toBeGreaterThan(size(2));
    expect(size(2)).toBeGreaterThan(size(1));
    // Real seed weights (1-9) no longer squeeze into 24-33 px.
    expect(size(9) - size(1)).toBeGreaterThanOrEqual(30);
  });

  it('gives every node the default size when all weigh the same, and clamps weights outside the range', () => {
    expect(nodeSizeScale([4, 4])(4)).toBe(NODE_SIZE_PX.default);
    expect(nodeSizeScale([])(7)).toBe(NODE_SIZE_PX.default);
    const size = nodeSizeScale([2, 8]);
    expect(size(100)).toBe(NODE_SIZE_PX.max);
    expect(size(0)).toBe(NODE_SIZE_PX.min);
  });
});
