// Trains the relation classifier and the event classifier on the relation corpus (data/relations/, train split) and
// writes data/relations-model.json and data/events-model.json; prints the relation scores on the dev split.
// Run with `npm run train:relations`.
//   --out PATH          where to write the relation model (default data/relations-model.json)
//   --events-out PATH   where to write the event model (default data/events-model.json)
// Deterministic: the same corpus gives the same file, byte for byte (a test checks it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../config.ts';
import { eventExamples } from '../events/corpus.ts';
import { sentenceFeatureNames } from '../events/features.ts';
import { EVENT_LABELS, EVENT_MODEL_SPEC } from '../events/model.ts';
import { serializeModel, type TrainOptions, trainSoftmaxAveraged } from '../linear.ts';
import { type ArticleAnnotation, type CandidatePair, type CorpusSentence, candidatePairs } from './corpus.ts';
import { DEFAULT_EVENT_MODEL_PATH, DEFAULT_RELATION_MODEL_PATH } from './load.ts';
import { parseModelFile, RELATION_LABELS, RELATION_MODEL_SPEC, RelationModel } from './model.ts';
import { type PairScores, pairInputs, scorePairs } from './score.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'data', 'relations');

/**
 * The corpus splits: `train` is learned from; `dev` is measured on while developing and never trained on; `test` is
 * measured on only to report (articles written and annotated after the dev figures were in; no DaN+ part).
 */
export type CorpusSplit = 'train' | 'dev' | 'test';

/** Models averaged per training (seeds 1, 2, 3). */
const AVERAGED_RUNS = 3;

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  learningRate: 0.05,
  l2: 1e-3,
  minCount: 2,
  relationWeight: 2,
  seed: 1,
};

/** The article annotations of a split (data/relations/articles/<split>/*.ann.json), in file order. */
export function loadAnnotations(split: CorpusSplit, dir = CORPUS_DIR): ArticleAnnotation[] {
  const at = join(dir, 'articles', split);
  return readdirSync(at)
    .filter((f) => f.endsWith('.ann.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(at, f), 'utf8')) as ArticleAnnotation);
}

/** Trains the event classifier on the train articles' sentences: one example per sentence and kind (NONE if none). */
export function trainEventWeights(
  annotations: readonly ArticleAnnotation[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): [string, number[]][] {
  const examples = annotations.flatMap(eventExamples).flatMap(({ sentence, kinds }) => {
    const features = sentenceFeatureNames(sentence);
    return kinds.length === 0
      ? [{ features, label: 0 }]
      : kinds.map((k) => ({ features, label: EVENT_LABELS.indexOf(k) }));
  });
  return trainSoftmaxAveraged(examples, EVENT_LABELS.length, options, AVERAGED_RUNS);
}

/** The corpus sentences of a split: DaN+ sentences and the project's own articles. */
export function loadCorpus(
  split: CorpusSplit,
  dir = CORPUS_DIR,
): { danplus: CorpusSentence[]; articles: CorpusSentence[] } {
  return { danplus: loadDanplus(split, dir), articles: readSentences(join(dir, `articles-${split}.jsonl`)) };
}

/** The annotated DaN+ sentences of a split (data/relations/danplus/<split>-*.jsonl, in file order). */
export function loadDanplus(split: CorpusSplit, dir = CORPUS_DIR): CorpusSentence[] {
  const danplusDir = join(dir, 'danplus');
  return readdirSync(danplusDir)
    .filter((f) => f.startsWith(`${split}-`) && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readSentences(join(danplusDir, f)));
}

function readSentences(path: string): CorpusSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusSentence);
}

/** Softmax regression over the candidate pairs' features (../linear.ts); returns the weights per kept feature. */
export function trainWeights(
  pairs: readonly CandidatePair[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): [string, number[]][] {
  const examples = pairInputs(pairs).map(({ features, pair }) => ({
    features,
    label: RELATION_LABELS.indexOf(pair.label as (typeof RELATION_LABELS)[number]),
  }));
  return trainSoftmaxAveraged(examples, RELATION_LABELS.length, options, AVERAGED_RUNS);
}

function formatScores(title: string, s: PairScores): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (name: string, c: { precision: number; recall: number; f1: number; gold: number; predicted: number }) =>
    `  ${name.padEnd(14)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}  (gold ${c.gold}, predicted ${c.predicted})`;
  return [title, ...Object.entries(s.byType).map(([t, c]) => row(t, c)), row('micro', s.micro)].join('\n');
}

export { formatScores };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : DEFAULT_RELATION_MODEL_PATH;
  const eventsIndex = args.indexOf('--events-out');
  const eventsOut = eventsIndex >= 0 ? args[eventsIndex + 1] : DEFAULT_EVENT_MODEL_PATH;
  const train = loadCorpus('train');
  const dev = loadCorpus('dev');
  const pairs = [...train.danplus, ...train.articles].flatMap(candidatePairs);
  const started = performance.now();
  const features = trainWeights(pairs);
  const info = {
    trainedOn: 'data/relations (train split): DaN+ train sentences and the project articles of articles/train',
    sentences: train.danplus.length + train.articles.length,
    pairs: pairs.length,
    relations: pairs.filter((p) => p.label !== 'NONE').length,
    options: DEFAULT_TRAIN_OPTIONS,
  };
  const text = serializeModel(RELATION_MODEL_SPEC.format, RELATION_LABELS, features, info);
  writeFileSync(out, text);
  const model = new RelationModel(parseModelFile(text, out));
  console.log(
    `Trained on ${info.pairs} pairs (${info.relations} with a relation) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${features.length} features -> ${relative(process.cwd(), out)}`,
  );
  console.log(formatScores('dev, own articles:', scorePairs(model, dev.articles)));
  console.log(formatScores('dev, DaN+ sentences:', scorePairs(model, dev.danplus)));

  const annotations = loadAnnotations('train');
  const eventFeatures = trainEventWeights(annotations);
  const eventInfo = {
    trainedOn: 'data/relations (train split): the sentences of the project articles of articles/train and their events',
    articles: annotations.length,
    sentences: annotations.reduce((n, a) => n + a.sentences.length, 0),
    events: annotations.reduce((n, a) => n + a.events.length, 0),
    options: DEFAULT_TRAIN_OPTIONS,
  };
  writeFileSync(eventsOut, serializeModel(EVENT_MODEL_SPEC.format, EVENT_LABELS, eventFeatures, eventInfo));
  console.log(
    `Event model: ${eventInfo.sentences} sentences of ${eventInfo.articles} articles, ${eventInfo.events} events; ${eventFeatures.length} features -> ${relative(process.cwd(), eventsOut)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
