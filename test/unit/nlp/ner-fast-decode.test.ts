// The tagger's cached scoring (per-word sums of local and neighbour features) must tag exactly as the plain sum
// of every feature's weights does: the slow reference path is what training optimises.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { splitSentences } from '../../../server/ingest/clean/sentences.ts';
import { deserializeModel, emissionScores, LABEL_COUNT, NerModel, viterbi } from '../../../server/nlp/ner/model.ts';
import { DEFAULT_MODEL_PATH } from '../../../server/nlp/tagger.ts';
import { tokenize } from '../../../server/nlp/tokenizer.ts';

function referenceDecode(model: NerModel, tokens: readonly string[]): number[] {
  const n = tokens.length;
  const scores = new Float32Array(n * LABEL_COUNT);
  const path = new Int32Array(n);
  emissionScores(model.features(tokens), model.data.emissions, scores, model.data.outsideBias);
  viterbi(scores, n, model.data.transitions, path);
  return [...path];
}

function demoSentences(): string[][] {
  const dir = join(PROJECT_ROOT, 'data', 'articles');
  const sentences: string[][] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      for (const span of splitSentences(line))
        sentences.push(tokenize(line.slice(span.start, span.end)).map((t) => t.text));
    }
  }
  return sentences.filter((s) => s.length > 0);
}

describe('NER cached decoding', () => {
  const model = new NerModel(deserializeModel(readFileSync(DEFAULT_MODEL_PATH)));

  it('tags every demo sentence as the plain feature sum does, also the second time (from the cache)', () => {
    const sentences = demoSentences();
    expect(sentences.length).toBeGreaterThan(100);
    for (let pass = 0; pass < 2; pass++) {
      for (const tokens of sentences)
        expect([...model.decode(tokens)], tokens.join(' ')).toEqual(referenceDecode(model, tokens));
    }
  });

  it('scores single tokens, quotes, sentence edges and clause starts the same way', () => {
    for (const tokens of [
      ['Huawei'],
      ['«', 'Borgen', '»', 'vinder', '.'],
      ['-', 'Vi', 'siger', ':', 'Apple', '(', 'USA', ')'],
    ]) {
      expect([...model.decode(tokens)]).toEqual(referenceDecode(model, tokens));
    }
  });
});
