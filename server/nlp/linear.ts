// Sparse multinomial logistic regression: the trainer and the file format the relation and event classifiers share.
// Hand-written (a few dozen lines of arithmetic) because no maintained npm library trains sparse softmax models
// deterministically, and a model file must be rebuilt byte for byte by its training command.
import { seededRandom } from './random.ts';

/** What a model file is, for its checks and messages. */
export interface ModelSpec {
  /** The file's `format` field. */
  readonly format: string;
  /** "relation model", "event model": for messages. */
  readonly what: string;
  /** The answers, in file order; index 0 is the "nothing" answer (NONE). */
  readonly labels: readonly string[];
  /** How to rebuild the file, for messages. */
  readonly fix: string;
}

const VERSION = 1;

/** The model file: labels, the weights of each feature (sparse: label index, weight, label index, weight, …). */
export interface LinearModelFile {
  readonly format: string;
  readonly version: number;
  readonly labels: readonly string[];
  /** How it was trained: corpus sizes, settings. */
  readonly info: Readonly<Record<string, unknown>>;
  readonly features: readonly (readonly [string, readonly number[]])[];
}

/**
 * Where a classifier's features go as they are made: their names (training, reading), or straight into the scores
 * (extraction). A feature is named by its parts joined, so add('w>', word) is the feature "w>" + word; scoring
 * never builds that string (see FeatureScorer).
 */
export interface FeatureSink {
  add(a: string, b?: string, c?: string, d?: string, e?: string): void;
}

/** Makes features already named into a sink. */
export function emitNames(names: readonly string[]): (sink: FeatureSink) => void {
  return (sink) => {
    for (const name of names) sink.add(name);
  };
}

/** The sink that keeps the names, in the order made; with `unique`, each name once. */
export class FeatureNames implements FeatureSink {
  readonly names: string[] = [];
  readonly #seen: Set<string> | undefined;

  constructor(options: { readonly unique?: boolean } = {}) {
    this.#seen = options.unique ? new Set() : undefined;
  }

  add(a: string, b?: string, c?: string, d?: string, e?: string): void {
    const name =
      b === undefined ? a : c === undefined ? a + b : d === undefined ? a + b + c : a + b + c + d + (e ?? '');
    if (this.#seen) {
      if (this.#seen.has(name)) return;
      this.#seen.add(name);
    }
    this.names.push(name);
  }
}

// Two independent 32-bit hashes of a feature name, streamed over its parts (FNV-1a and a multiply-xor with another
// constant): together they tell the model's features apart with no string built or compared. Hand-written because
// the point is to hash the parts where they lie, which a hashing library's string-in API cannot do.
const SEED_1 = 0x811c9dc5;
const SEED_2 = 0x9747b28c;

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The two hashes of a name fed part by part: feeding "w", ">", "og" hashes as feeding "w>og". */
class NameHash {
  #h1 = SEED_1;
  #h2 = SEED_2;

  reset(): void {
    this.#h1 = SEED_1;
    this.#h2 = SEED_2;
  }

  feed(part: string): void {
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 16777619);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
    }
    this.#h1 = h1;
    this.#h2 = h2;
  }

  get key1(): number {
    return finalMix(this.#h1) | 0;
  }

  get key2(): number {
    return finalMix(this.#h2) | 0;
  }
}

/**
 * A model's feature rows looked up by the two hashes of a feature's name: open addressing, each slot's two keys and
 * row side by side in one typed array, so a lookup touches one cache line.
 */
class HashedWeights {
  /** Per slot: key 1, key 2, row + 1 (0 for an empty slot). */
  readonly #slots: Int32Array;
  readonly #mask: number;

  constructor(names: readonly string[]) {
    let size = 16;
    while (size < names.length * 2) size *= 2;
    this.#slots = new Int32Array(size * 3);
    this.#mask = size - 1;
    const hash = new NameHash();
    names.forEach((name, row) => {
      hash.reset();
      hash.feed(name);
      const k1 = hash.key1;
      const k2 = hash.key2;
      if (this.find(k1, k2) >= 0) throw new Error(`Two features of a model share both hashes: ${name}`);
      let at = k1 & this.#mask;
      while (this.#slots[at * 3 + 2] !== 0) at = (at + 1) & this.#mask;
      this.#slots[at * 3] = k1;
      this.#slots[at * 3 + 1] = k2;
      this.#slots[at * 3 + 2] = row + 1;
    });
  }

  /** The row of the feature with these hashes, or -1. */
  find(k1: number, k2: number): number {
    const mask = this.#mask;
    const slots = this.#slots;
    for (let at = k1 & mask; ; at = (at + 1) & mask) {
      const i = at * 3;
      const row = slots[i + 2];
      if (row === 0) return -1;
      if (slots[i] === k1 && slots[i + 1] === k2) return row - 1;
    }
  }
}

/**
 * The sink that adds each feature's weights to the scores as it comes, hashing the name's parts in place. A feature
 * counts once per example, as in training.
 */
class FeatureScorer implements FeatureSink {
  readonly scores: Float64Array;
  readonly #weights: HashedWeights;
  readonly #table: Float32Array;
  /** The example in which each row last counted, so a repeated feature counts once. */
  readonly #seenIn: Int32Array;
  #example = 0;
  readonly #hash = new NameHash();

  constructor(weights: HashedWeights, table: Float32Array, labels: number, rows: number) {
    this.scores = new Float64Array(labels);
    this.#weights = weights;
    this.#table = table;
    this.#seenIn = new Int32Array(rows);
  }

  begin(): void {
    this.scores.fill(0);
    this.#example = (this.#example + 1) | 0;
  }

  add(a: string, b?: string, c?: string, d?: string, e?: string): void {
    const hash = this.#hash;
    hash.reset();
    hash.feed(a);
    if (b !== undefined) hash.feed(b);
    if (c !== undefined) hash.feed(c);
    if (d !== undefined) hash.feed(d);
    if (e !== undefined) hash.feed(e);
    const row = this.#weights.find(hash.key1, hash.key2);
    if (row < 0 || this.#seenIn[row] === this.#example) return;
    this.#seenIn[row] = this.#example;
    const scores = this.scores;
    const table = this.#table;
    const L = scores.length;
    const at = row * L;
    for (let k = 0; k < L; k++) scores[k] += table[at + k];
  }
}

export class LinearModel<L extends string> {
  readonly labels: readonly L[];
  readonly info: Readonly<Record<string, unknown>>;
  readonly #scorer: FeatureScorer;

  constructor(file: LinearModelFile) {
    this.labels = file.labels as L[];
    this.info = file.info;
    const L = file.labels.length;
    // Every feature's weights, dense over the labels, one feature after another.
    const table = new Float32Array(file.features.length * L);
    file.features.forEach(([, sparse], i) => {
      for (let k = 0; k < sparse.length; k += 2) table[i * L + sparse[k]] = sparse[k + 1];
    });
    const weights = new HashedWeights(file.features.map(([name]) => name));
    this.#scorer = new FeatureScorer(weights, table, L, file.features.length);
  }

  /** Label probabilities for one example's features, in `labels` order. */
  probabilities(features: readonly string[]): Float64Array {
    return Float64Array.from(this.scoreFeatures(emitNames(features)));
  }

  /**
   * Label probabilities of the example whose features `emit` makes, in a buffer the next call overwrites: for
   * callers that read the answer at once (scoring runs once per candidate pair).
   */
  protected scoreFeatures(emit: (sink: FeatureSink) => void): Float64Array {
    const scorer = this.#scorer;
    scorer.begin();
    emit(scorer);
    return softmaxInPlace(scorer.scores);
  }
}

export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i] - max);
    sum += scores[i];
  }
  for (let i = 0; i < scores.length; i++) scores[i] /= sum;
  return scores;
}

/** Parses and checks a model file's text; throws with what is wrong and how to fix it. */
export function parseModelFile(text: string, path: string, spec: ModelSpec): LinearModelFile {
  let data: LinearModelFile;
  try {
    data = JSON.parse(text) as LinearModelFile;
  } catch (error) {
    throw new Error(`The ${spec.what} at ${path} is not valid JSON (${(error as Error).message}): ${spec.fix}`);
  }
  if (data?.format !== spec.format || data.version !== VERSION) {
    throw new Error(`${path} is not a newsgraph ${spec.what} of version ${VERSION}: ${spec.fix}`);
  }
  if (!Array.isArray(data.labels) || data.labels.join() !== spec.labels.join()) {
    throw new Error(`The ${spec.what} at ${path} has labels that do not match the graph model's: ${spec.fix}`);
  }
  const L = spec.labels.length;
  const wellFormed = (f: unknown): boolean =>
    Array.isArray(f) &&
    typeof f[0] === 'string' &&
    Array.isArray(f[1]) &&
    f[1].length % 2 === 0 &&
    f[1].every((x: unknown, i: number) =>
      i % 2 === 0 ? Number.isInteger(x) && (x as number) >= 0 && (x as number) < L : Number.isFinite(x),
    );
  if (!Array.isArray(data.features) || !data.features.every(wellFormed)) {
    throw new Error(`The ${spec.what} at ${path} has malformed weights: ${spec.fix}`);
  }
  return data;
}

/** Serialises a model: features sorted by name, weights as given, so the same training gives the same bytes. */
export function serializeModel(
  format: string,
  labels: readonly string[],
  features: readonly (readonly [string, readonly number[]])[],
  info: Record<string, unknown>,
): string {
  const sorted = [...features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = sorted.map(([name, sparse]) => `  ${JSON.stringify([name, sparse])}`);
  return `{"format":${JSON.stringify(format)},"version":${VERSION},"labels":${JSON.stringify(labels)},\n"info":${JSON.stringify(info)},\n"features":[\n${lines.join(',\n')}\n]}\n`;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** Features seen fewer times than this in training are dropped. */
  readonly minCount: number;
  /** Weight of an example with a label other than NONE (NONE is the large majority). */
  readonly relationWeight: number;
  readonly seed: number;
}

/** Weights below this are dropped from the file; the rest are rounded to WEIGHT_DECIMALS. */
const WEIGHT_FLOOR = 5e-3;
const WEIGHT_DECIMALS = 3;

/**
 * Trains `runs` models that differ only in the order they see the examples (seeds seed, seed+1, …) and averages
 * their weights: the average of a few orders is steadier than any one of them (on the relation corpus, five-fold
 * cross-validation on the train split, in the commit that added it).
 */
export function trainSoftmaxAveraged(
  examples: readonly { readonly features: readonly string[]; readonly label: number }[],
  labelCount: number,
  options: TrainOptions,
  runs: number,
): [string, number[]][] {
  if (runs <= 1) return trainSoftmax(examples, labelCount, options);
  const sums = new Map<string, Float64Array>();
  for (let r = 0; r < runs; r++) {
    for (const [name, sparse] of trainSoftmax(examples, labelCount, { ...options, seed: options.seed + r })) {
      let sum = sums.get(name);
      if (!sum) sums.set(name, (sum = new Float64Array(labelCount)));
      for (let k = 0; k < sparse.length; k += 2) sum[sparse[k]] += sparse[k + 1] / runs;
    }
  }
  const scale = 10 ** WEIGHT_DECIMALS;
  const out: [string, number[]][] = [];
  for (const name of [...sums.keys()].sort()) {
    const sum = sums.get(name)!;
    const sparse: number[] = [];
    for (let k = 0; k < labelCount; k++)
      if (Math.abs(sum[k]) >= WEIGHT_FLOOR) sparse.push(k, Math.round(sum[k] * scale) / scale);
    if (sparse.length > 0) out.push([name, sparse]);
  }
  return out;
}

/**
 * Softmax regression by AdaGrad with L2 on the features an example has. `label` indexes the label list (0 = NONE).
 * Returns the weights per kept feature, sparse and rounded, ready for serializeModel.
 */
export function trainSoftmax(
  examples: readonly { readonly features: readonly string[]; readonly label: number }[],
  labelCount: number,
  options: TrainOptions,
): [string, number[]][] {
  const L = labelCount;
  const counts = new Map<string, number>();
  for (const { features } of examples) for (const name of features) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.keys()].filter((name) => counts.get(name)! >= options.minCount).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const data = examples.map(({ features, label }) => ({
    features: Int32Array.from(
      new Set(features.map((name) => index.get(name)).filter((i): i is number => i !== undefined)),
    ),
    label,
  }));

  const W = new Float64Array(names.length * L);
  const G = new Float64Array(names.length * L);
  const order = data.map((_, i) => i);
  const random = seededRandom(options.seed);
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
