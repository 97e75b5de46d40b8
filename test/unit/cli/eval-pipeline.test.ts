// `eval relations --pipeline`: the whole extractor on corpus sentences, scored against their gold relations.
import { describe, expect, it } from 'vitest';
import { pipelineScores } from '../../../server/cli/commands/eval-relations.ts';
import type { CorpusSentence } from '../../../server/nlp/relations/corpus.ts';

function sentence(tokens: string[], entities: [number, number, string][], relations: CorpusSentence['relations']) {
  return {
    id: 'own-1',
    source: 'own',
    tokens,
    text: tokens.join(' ').replace(/ ([,.])/gu, '$1'),
    entities: entities.map(([start, end, type]) => ({ start, end, type, text: tokens.slice(start, end).join(' ') })),
    relations,
  } as unknown as CorpusSentence;
}

describe('pipelineScores', () => {
  it('counts a relation the extractor finds by its ends’ names, and one it misses or adds', () => {
    const s = sentence(
      ['Venstres', 'formand', ',', 'Troels', 'Lund', 'Poulsen', ',', 'mødtes', 'med', 'Mette', 'Frederiksen', '.'],
      [
        [0, 1, 'Organization'],
        [3, 6, 'Person'],
        [9, 11, 'Person'],
      ],
      [
        { from: 1, to: 0, type: 'HEADS' },
        { from: 1, to: 2, type: 'OPPOSES' },
      ],
    );
    const tally = pipelineScores([s]);
    expect(tally.get('HEADS')).toEqual({ gold: 1, predicted: 1, correct: 1 });
    expect(tally.get('OPPOSES')).toEqual({ gold: 1, predicted: 0, correct: 0 });
    expect(tally.get('MEETS')?.predicted).toBe(1);
  });
});
