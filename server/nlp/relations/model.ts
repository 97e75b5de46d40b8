// The relation classifier: multinomial logistic regression over a candidate pair's features, with its file format.
// Hand-written (a few dozen lines of arithmetic) because no maintained npm library trains sparse softmax models
// deterministically, and the model file must be rebuilt byte for byte by `npm run train:relations`.
import { RELATION_TYPES, type RelationType } from '../../model.ts';

/** What the classifier can answer: a relation type, or NONE (the pair is only co-mentioned). */
export const RELATION_LABELS = ['NONE', ...RELATION_TYPES.filter((t) => t !== 'CO_MENTIONED')] as const;
export type RelationLabel = RelationType | 'NONE';

const FORMAT = 'newsgraph-relation-model';
const VERSION = 1;

/** The model file: labels, the weights of each feature (sparse: label index, weight, label index, weight, …). */
export interface RelationModelFile {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly labels: readonly string[];
  /** How it was trained: corpus sizes, settings, scores at training time. */
  readonly info: Readonly<Record<string, unknown>>;
  readonly features: readonly (readonly [string, readonly number[]])[];
}

export interface Prediction {
  readonly label: RelationLabel;
  /** Probability of `label`. */
  readonly probability: number;
  /** The best relation type other than NONE and its probability (what a co-mention "almost" is). */
  readonly bestType: RelationType;
  readonly bestTypeProbability: number;
}

export class RelationModel {
  readonly labels: readonly RelationLabel[];
  readonly info: Readonly<Record<string, unknown>>;
  readonly #weights: Map<string, readonly number[]>;

  constructor(file: RelationModelFile) {
    this.labels = file.labels as RelationLabel[];
    this.info = file.info;
    this.#weights = new Map(file.features.map(([name, sparse]) => [name, sparse]));
  }

  /** Class probabilities for one pair's features, in `labels` order. */
  probabilities(features: readonly string[]): Float64Array {
    const scores = new Float64Array(this.labels.length);
    for (const name of features) {
      const sparse = this.#weights.get(name);
      if (!sparse) continue;
      for (let k = 0; k < sparse.length; k += 2) scores[sparse[k]] += sparse[k + 1];
    }
    return softmaxInPlace(scores);
  }

  predict(features: readonly string[], allowed?: (label: RelationLabel) => boolean): Prediction {
    const p = this.probabilities(features);
    let best = 0;
    let bestType = -1;
    for (let i = 0; i < p.length; i++) {
      if (allowed && i > 0 && !allowed(this.labels[i])) continue;
      if (p[i] > p[best]) best = i;
      if (i > 0 && (bestType < 0 || p[i] > p[bestType])) bestType = i;
    }
    return {
      label: this.labels[best],
      probability: p[best],
      bestType: this.labels[bestType] as RelationType,
      bestTypeProbability: p[bestType],
    };
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
export function parseModelFile(text: string, path: string): RelationModelFile {
  const fix = 'rebuild it with `npm run train:relations`';
  let data: RelationModelFile;
  try {
    data = JSON.parse(text) as RelationModelFile;
  } catch (error) {
    throw new Error(`The relation model at ${path} is not valid JSON (${(error as Error).message}): ${fix}`);
  }
  if (data?.format !== FORMAT || data.version !== VERSION) {
    throw new Error(`${path} is not a newsgraph relation model of version ${VERSION}: ${fix}`);
  }
  if (!Array.isArray(data.labels) || data.labels.join() !== RELATION_LABELS.join()) {
    throw new Error(
      `The relation model at ${path} has labels that do not match the graph model's relation types: ${fix}`,
    );
  }
  if (
    !Array.isArray(data.features) ||
    data.features.some(
      (f) =>
        !Array.isArray(f) ||
        typeof f[0] !== 'string' ||
        !Array.isArray(f[1]) ||
        f[1].length % 2 !== 0 ||
        f[1].some(
          (x, i) =>
            !Number.isFinite(x) || (i % 2 === 0 && !(Number.isInteger(x) && x >= 0 && x < RELATION_LABELS.length)),
        ),
    )
  ) {
    throw new Error(`The relation model at ${path} has malformed weights: ${fix}`);
  }
  return data;
}

/** Serialises a model: features sorted by name, weights rounded, so the same training gives the same bytes. */
export function serializeModel(
  labels: readonly string[],
  features: readonly (readonly [string, readonly number[]])[],
  info: Record<string, unknown>,
): string {
  const sorted = [...features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = sorted.map(([name, sparse]) => `  ${JSON.stringify([name, sparse])}`);
  return `{"format":${JSON.stringify(FORMAT)},"version":${VERSION},"labels":${JSON.stringify(labels)},\n"info":${JSON.stringify(info)},\n"features":[\n${lines.join(',\n')}\n]}\n`;
}
