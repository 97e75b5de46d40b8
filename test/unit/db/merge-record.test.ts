// The pure rules splitEntity uses to take a merge back off the kept side's properties (server/db/merge-record.ts).
import { describe, expect, it } from 'vitest';
import { entityTypeOf, relationshipKey, unmergeProperties } from '../../../server/db/merge-record.ts';

const props = (values: Record<string, unknown>, intKeys: string[] = []) => ({ values, intKeys });

describe('unmergeProperties', () => {
  it('gives back exactly what the kept side had when nothing changed since the merge', () => {
    const before = props({ articleIds: ['a1'], evidence: ['s1'], confidence: 0.9, count: 2 }, ['count']);
    const after = props(
      { articleIds: ['a1', 'a2'], evidence: ['s1', 's2'], confidence: 0.95, count: 5, since: '2020' },
      ['count'],
    );
    expect(unmergeProperties(before, after, after)).toEqual({
      values: { articleIds: ['a1'], evidence: ['s1'], confidence: 0.9, count: 2, since: null },
      intKeys: ['count'],
    });
  });

  it('keeps what later articles added: lists lose only what the merge brought, counts subtract it', () => {
    const before = props({ articleIds: ['a1'], count: 2, confidence: 0.5 }, ['count']);
    const after = props({ articleIds: ['a1', 'a2'], count: 5, confidence: 0.7 }, ['count']);
    const current = props({ articleIds: ['a1', 'a2', 'a3'], count: 6, confidence: 0.99, title: 'CEO' }, ['count']);
    expect(unmergeProperties(before, after, current)).toEqual({
      values: { articleIds: ['a1', 'a3'], count: 3, confidence: 0.99, title: 'CEO' },
      intKeys: ['count'],
    });
  });

  it("recounts a co-mention's weight from the evidence left when later articles changed it", () => {
    const before = props({ evidence: ['s1'], weight: 1 }, ['weight']);
    const after = props({ evidence: ['s1', 's2'], weight: 2 }, ['weight']);
    const current = props({ evidence: ['s1', 's2', 's3'], weight: 3 }, ['weight']);
    expect(unmergeProperties(before, after, current).values).toEqual({ evidence: ['s1', 's3'], weight: 2 });
  });
});

describe('finding recorded relationships again', () => {
  it('tells event roles apart only for PARTICIPATES_IN, and directions always', () => {
    expect(relationshipKey('PARTICIPATES_IN', true, 'ev', 'agent')).not.toBe(
      relationshipKey('PARTICIPATES_IN', true, 'ev', 'target'),
    );
    expect(relationshipKey('SANCTIONS', false, 'usa', 'agent')).toBe(relationshipKey('SANCTIONS', false, 'usa', null));
    expect(relationshipKey('SANCTIONS', false, 'usa', null)).not.toBe(relationshipKey('SANCTIONS', true, 'usa', null));
  });

  it('takes the type label only from the model', () => {
    expect(entityTypeOf(['Entity', 'Company'])).toBe('Company');
    expect(() => entityTypeOf(['Entity', 'Admin'])).toThrow(/no entity type/);
  });
});
