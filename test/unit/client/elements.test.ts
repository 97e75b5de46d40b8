// Unit tests: GraphQL nodes/edges -> cytoscape elements.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../client/api/types.ts';
import {
  edgeElement,
  nodeCaption,
  nodeElement,
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
  it('labels events by kind and date rather than by their long summary', () => {
    expect(nodeCaption(sanction)).toBe('Sanction · 2019-05-15');
    expect(nodeCaption({ ...sanction, date: null })).toBe('Sanction');
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
