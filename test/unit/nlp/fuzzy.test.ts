// Typo tolerance for names: length-aware, same first letter, bounded work.
import { describe, expect, it } from 'vitest';
import { editDistance, isTypoOf } from '../../../server/nlp/fuzzy.ts';

describe('editDistance / isTypoOf', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('huaewei', 'huawei', 2)).toBe(1);
    expect(editDistance('blooomberg', 'bloomberg', 2)).toBe(1);
    expect(editDistance('huawie', 'huawei', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('accepts typos seen in the wild and refuses short or different names', () => {
    expect(isTypoOf('Huaewei', 'Huawei')).toBe(true);
    expect(isTypoOf('Blooomberg', 'Bloomberg')).toBe(true);
    expect(isTypoOf('Dell', 'Bell')).toBe(false);
    expect(isTypoOf('Intel', 'Intellishore')).toBe(false);
    expect(isTypoOf('Sentia', 'Centia')).toBe(false);
  });
});
