// Trains the relation classifier on the relation corpus (data/relations/, train split) and writes
// data/relations-model.json; prints its scores on the dev split. Run with `npm run train:relations`.
//   --out PATH   where to write the model (default data/relations-model.json)
// Deterministic: the same corpus gives the same file, byte for byte (a test checks it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../config.ts';
import { type CandidatePair, type CorpusSentence, candidatePairs } from './corpus.ts';
import { DEFAULT_RELATION_MODEL_PATH } from './load.ts';
import { parseModelFile, RELATION_LABELS, RelationModel, serializeModel, softmaxInPlace } from './model.ts';
import { type PairScores, pairInputs, scorePairs } from './score.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'data', 'relations');

export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** Features seen fewer times than this in training are dropped. */
  readonly minCount: number;
  /** Weight of a pair with a relation against a NONE pair (NONE is the large majority). */
  readonly relationWeight: number;
  readonly seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  learningRate: 0.05,
  l2: 1e-3,
  minCount: 2,
  relationWeight: 2,
  seed: 1,
};

/** Weights below this are dropped from the file; the rest are rounded to WEIGHT_DECIMALS. */
const WEIGHT_FLOOR = 5e-3;
const WEIGHT_DECIMALS = 3;

/** The corpus sentences of a split: DaN+ sentences and the project's own articles. */
export function loadCorpus(
  split: 'train' | 'dev',
  dir = CORPUS_DIR,
): { danplus: CorpusSentence[]; articles: CorpusSentence[] } {
  const read = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusSentence);
  const danplusDir = join(dir, 'danplus');
  const danplus = readdirSync(danplusDir)
    .filter((f) => f.startsWith(`${split}-`) && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => read(join(danplusDir, f)));
  return { danplus, articles: read(join(dir, `articles-${split}.jsonl`)) };
}

/** mulberry32: a small seeded generator, so training visits examples in the same order everywhere. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Softmax regression by AdaGrad with L2 on the features a pair has; returns the weights per kept feature. */
export function trainWeights(
  pairs: readonly CandidatePair[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): [string, number[]][] {
  const L = RELATION_LABELS.length;
  const examples = pairInputs(pairs);
  const counts = new Map<string, number>();
  for (const { features } of examples) for (const name of features) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.keys()].filter((name) => counts.get(name)! >= options.minCount).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const data = examples.map(({ features, pair }) => ({
    features: Int32Array.from(
      new Set(features.map((name) => index.get(name)).filter((i): i is number => i !== undefined)),
    ),
    label: RELATION_LABELS.indexOf(pair.label as (typeof RELATION_LABELS)[number]),
  }));

  const W = new Float64Array(names.length * L);
  const G = new Float64Array(names.length * L);
  const order = data.map((_, i) => i);
  const random = seeded(options.seed);
  const scores = new Float64Array(L);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const e of order) {
      const { features, label } = data[e];
      scores.fill(0);
      for (const f of features) for (let k = 0; k < L; k++) scores[k] += W[f * L + k];
      softmaxInPlace(scores);
      const weight = label === 0 ? 1 : options.relationWeight;
      for (const f of features) {
        for (let k = 0; k < L; k++) {
          const at = f * L + k;
          const g = weight * (scores[k] - (k === label ? 1 : 0)) + options.l2 * W[at];
          G[at] += g * g;
          W[at] -= (options.learningRate * g) / (Math.sqrt(G[at]) + 1e-8);
        }
      }
    }
  }

  const scale = 10 ** WEIGHT_DECIMALS;
  const out: [string, number[]][] = [];
  for (const [f, name] of names.entries()) {
    const sparse: number[] = [];
    for (let k = 0; k < L; k++) {
      const w = W[f * L + k];
      if (Math.abs(w) >= WEIGHT_FLOOR) sparse.push(k, Math.round(w * scale) / scale);
    }
    if (sparse.length > 0) out.push([name, sparse]);
  }
  return out;
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
  const text = serializeModel(RELATION_LABELS, features, info);
  writeFileSync(out, text);
  const model = new RelationModel(parseModelFile(text, out));
  console.log(
    `Trained on ${info.pairs} pairs (${info.relations} with a relation) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${features.length} features -> ${relative(process.cwd(), out)}`,
  );
  console.log(formatScores('dev, own articles:', scorePairs(model, dev.articles)));
  console.log(formatScores('dev, DaN+ sentences:', scorePairs(model, dev.danplus)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
