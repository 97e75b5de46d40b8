// Unit tests for the DaN+ reader and the conlleval-style span scorer.
import { describe, expect, it } from 'vitest';
import { normalizeTag, parseConll, scoreSpans, spansFromTags } from '../../../server/nlp/conll.ts';

describe('parseConll', () => {
  it('reads tokens and first-level tags, one sentence per blank-line block', () => {
    const text =
      'På\tO\tO\nSID-huset\tB-ORGpart\tO\nKjeld\tB-PER\tO\nChristensen\tI-PER\tO\n\n\nDansk\tB-LOCderiv\tO\nEU\tB-ORG\tO\n';
    expect(parseConll(text)).toEqual([
      { tokens: ['På', 'SID-huset', 'Kjeld', 'Christensen'], tags: ['O', 'O', 'B-PER', 'I-PER'] },
      { tokens: ['Dansk', 'EU'], tags: ['O', 'B-ORG'] },
    ]);
  });

  it('treats -part and -deriv tags and unknown tags as O', () => {
    expect(['B-ORGpart', 'I-LOCderiv', 'B-MISC', 'I-LOC', 'X', ''].map(normalizeTag)).toEqual([
      'O',
      'O',
      'B-MISC',
      'I-LOC',
      'O',
      'O',
    ]);
  });

  it('accepts Windows line endings and token-only lines', () => {
    expect(parseConll('Aarhus\r\nUniversitet\r\n')).toEqual([{ tokens: ['Aarhus', 'Universitet'], tags: ['O', 'O'] }]);
  });
});

describe('spansFromTags', () => {
  it('turns BIO tags into exclusive-end spans', () => {
    expect(spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 6 },
    ]);
  });

  it('starts a new entity at an I- tag that does not continue one, like conlleval', () => {
    expect(spansFromTags(['O', 'I-ORG', 'I-ORG', 'I-PER'])).toEqual([
      { type: 'ORG', start: 1, end: 3 },
      { type: 'PER', start: 3, end: 4 },
    ]);
  });
});

describe('scoreSpans', () => {
  it('counts only exact type and boundary matches', () => {
    const gold = [
      [
        { type: 'PER', start: 0, end: 2 },
        { type: 'LOC', start: 5, end: 6 },
      ],
      [{ type: 'ORG', start: 1, end: 3 }],
    ];
    const predicted = [
      [
        { type: 'PER', start: 0, end: 2 },
        { type: 'ORG', start: 5, end: 6 },
      ],
      [{ type: 'ORG', start: 1, end: 2 }],
    ];
    const scores = scoreSpans(gold, predicted);
    expect(scores.overall.truePositives).toBe(1);
    expect(scores.overall.precision).toBeCloseTo(1 / 3);
    expect(scores.overall.recall).toBeCloseTo(1 / 3);
    expect(scores.byType.PER.f1).toBe(1);
    expect(scores.byType.LOC).toMatchObject({ gold: 1, predicted: 0, f1: 0 });
    expect(scores.byType.ORG).toMatchObject({ gold: 1, predicted: 2, truePositives: 0 });
  });

  it('refuses span lists for different numbers of sentences', () => {
    expect(() => scoreSpans([[]], [])).toThrow(/1 gold sentences but 0 predicted/);
  });
});
