// Unit tests: ids are found anywhere in an arbitrary GraphQL result.
import { describe, expect, it } from 'vitest';
import { collectIds } from '../../../client/api/collectIds.ts';

describe('collectIds', () => {
  it('collects `id` fields from nested objects and lists in first-seen order, without duplicates', () => {
    const data = {
      companies: [
        { id: 'c1', name: 'Huawei', employees: [{ id: 'p1', name: 'Ren Zhengfei' }] },
        { id: 'c2', name: 'Xiaomi', sanctionedBy: { id: 'g1' } },
      ],
      again: { id: 'c1' },
    };
    expect(collectIds(data)).toEqual(['c1', 'p1', 'c2', 'g1']);
  });

  it('also takes fields named like fooId / fooIds (mutation results, timeline participants)', () => {
    const data = {
      ingestArticle: { articleId: 'a1', createdNodeIds: ['n1', 'n2'], mergedNodeIds: [] },
      timeline: [{ id: 'e1', articleIds: ['a1'] }],
    };
    expect(collectIds(data)).toEqual(['a1', 'n1', 'n2', 'e1']);
  });

  it('accepts numeric ids and ignores empty, null and non-id fields', () => {
    expect(collectIds({ x: { id: 7, name: 'id' }, y: { id: null }, z: { id: '' }, valid: 'id' })).toEqual(['7']);
  });

  it('returns nothing for results without ids, and survives cycles', () => {
    expect(collectIds({ stats: { articles: 3, labels: [{ key: 'Person', count: 2 }] } })).toEqual([]);
    expect(collectIds(null)).toEqual([]);
    const a: Record<string, unknown> = { id: 'a' };
    a.self = a;
    expect(collectIds(a)).toEqual(['a']);
  });
});
