// The linear-chain NER model: hashed emission weights, tag transitions, BIO-constrained Viterbi decoding,
// and the binary file format the weights are stored in.

import {
  addLocalFeatures,
  addNeighbourFeatures,
  addPairFeatures,
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  type FeatureOptions,
  NEIGHBOUR_OFFSETS,
  quotedTokens,
  type SentenceFeatures,
  startsClause,
  type TokenInfo,
  tokenInfos,
} from './features.ts';
import { Lexicon } from './lexicon.ts';

/** The tag set, in weight-column order. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const LABEL_COUNT = LABELS.length;

/** allowed[prev * L + cur]: I-X may only follow B-X or I-X; prev = L means the sentence start. */
export const ALLOWED = (() => {
  const L = LABEL_COUNT;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let cur = 0; cur < L; cur++) {
      const c = LABELS[cur];
      if (c.startsWith('I-')) {
        const type = c.slice(2);
        const p = prev < L ? LABELS[prev] : 'O';
        allowed[prev * L + cur] = p === `B-${type}` || p === `I-${type}` ? 1 : 0;
      } else allowed[prev * L + cur] = 1;
    }
  }
  return allowed;
})();

export interface ModelData {
  readonly bucketBits: number;
  readonly features: FeatureOptions;
  /** Row r of the emission table is `emissions[r * L .. r * L + L)`. */
  readonly emissions: Float32Array;
  /** transitions[prev * L + cur], with prev = L for the sentence start. */
  readonly transitions: Float32Array;
  readonly lexicon: Lexicon;
  /**
   * Subtracted from the O score of every token before decoding. A regularised model is cautious about
   * proposing entities (precision above recall); a small bias trades some precision back for recall.
   */
  readonly outsideBias: number;
  /** Free-form facts about how the model was trained (shown by `eval ner`). */
  readonly info: Record<string, unknown>;
}

/** Scores every (token, label) pair: emission sums into `scores[i * L + label]`, minus `outsideBias` for O. */
export function emissionScores(
  features: SentenceFeatures,
  emissions: Float32Array | Float64Array,
  scores: Float32Array,
  outsideBias = 0,
): void {
  const L = LABEL_COUNT;
  const n = features.offsets.length - 1;
  scores.fill(0, 0, n * L);
  const { indexes, offsets } = features;
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let f = offsets[i]; f < offsets[i + 1]; f++) {
      const row = indexes[f] * L;
      for (let l = 0; l < L; l++) scores[base + l] += emissions[row + l];
    }
    scores[base] -= outsideBias;
  }
}

/** Best label sequence under emission and transition scores, never producing an ill-formed I- tag. */
export function viterbi(
  scores: Float32Array,
  n: number,
  transitions: Float32Array | Float64Array,
  out: Int32Array,
): void {
  const L = LABEL_COUNT;
  if (n === 0) return;
  const delta = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++) {
    delta[l] = ALLOWED[L * L + l] ? transitions[L * L + l] + scores[l] : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity;
      let arg = 0;
      for (let prev = 0; prev < L; prev++) {
        if (!ALLOWED[prev * L + cur]) continue;
        const v = delta[(i - 1) * L + prev] + transitions[prev * L + cur];
        if (v > best) {
          best = v;
          arg = prev;
        }
      }
      delta[i * L + cur] = best + scores[i * L + cur];
      back[i * L + cur] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (delta[(n - 1) * L + l] > best) {
      best = delta[(n - 1) * L + l];
      arg = l;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
}

/** Most words whose summed weights a model keeps; emptied when full. */
const SUM_CACHE_LIMIT = 200_000;

/** Per word: local-feature sums (not / at a clause start), and sums as the neighbour at each NEIGHBOUR_OFFSETS entry. */
interface CachedSums {
  readonly local: (Float32Array | undefined)[];
  readonly neighbour: (Float32Array | undefined)[];
}

/** A loaded model that tags token sequences. */
export class NerModel {
  readonly data: ModelData;
  private scores = new Float32Array(256 * LABEL_COUNT);
  private path = new Int32Array(256);
  /** Per-word feature parts, so a word seen again costs no hashing or lexicon lookups. */
  private readonly tokenCache = new Map<string, TokenInfo>();
  /** Summed weights of a word's local and neighbour features, see decode. */
  private readonly sumCache = new Map<string, CachedSums>();
  private readonly edges: (Float32Array | undefined)[] = [];

  /**
   * The emission table compacted for decoding: `rowOf[bucket]` is the bucket's row in `dense`, or -1 when all its
   * weights are zero (most buckets). Decoding reads a fraction of the full table, so fewer of its random reads
   * miss the CPU caches, and zero rows are skipped instead of added.
   */
  private readonly rowOf: Int32Array;
  private readonly dense: Float32Array;

  constructor(data: ModelData) {
    this.data = data;
    const L = LABEL_COUNT;
    const buckets = data.emissions.length / L;
    this.rowOf = new Int32Array(buckets).fill(-1);
    let used = 0;
    for (let r = 0; r < buckets; r++) {
      for (let l = 0; l < L; l++) {
        if (data.emissions[r * L + l] !== 0) {
          this.rowOf[r] = used++;
          break;
        }
      }
    }
    this.dense = new Float32Array(used * L);
    for (let r = 0; r < buckets; r++) {
      const d = this.rowOf[r];
      if (d >= 0) for (let l = 0; l < L; l++) this.dense[d * L + l] = data.emissions[r * L + l];
    }
  }

  features(tokens: readonly string[]): SentenceFeatures {
    return extractFeatures(tokens, this.data.lexicon, this.data.features, this.data.bucketBits, this.tokenCache);
  }

  /**
   * Label indexes for a sentence. Scores are those of `emissionScores(this.features(tokens))`, summed in another
   * order: the weights of a word's own features (addLocalFeatures) and of what it says as a neighbour
   * (addNeighbourFeatures) are summed once per word and reused, so a token costs five cached vectors and its
   * six or so pair features instead of ~50 hashed look-ups. Tags are the same (test/unit/ner-fast-decode).
   */
  decode(tokens: readonly string[]): Int32Array {
    const n = tokens.length;
    if (n === 0) return new Int32Array(0);
    if (this.path.length < n) {
      this.scores = new Float32Array(n * 2 * LABEL_COUNT);
      this.path = new Int32Array(n * 2);
    }
    this.emissionScoresFast(tokens);
    viterbi(this.scores, n, this.data.transitions, this.path);
    return this.path.slice(0, n);
  }

  private emissionScoresFast(tokens: readonly string[]): void {
    const L = LABEL_COUNT;
    const { features: options, lexicon, bucketBits, outsideBias } = this.data;
    const { rowOf, dense } = this;
    const mask = (1 << bucketBits) - 1;
    const scores = this.scores;
    const n = tokens.length;
    const info = tokenInfos(tokens, lexicon, options, this.tokenCache);
    const inQuotes = quotedTokens(tokens);
    let base = 0;
    const addToScores = (h: number) => {
      const d = rowOf[h & mask];
      if (d < 0) return;
      const row = d * L;
      for (let l = 0; l < L; l++) scores[base + l] += dense[row + l];
    };
    const words = new Array<CachedSums>(n);
    for (let i = 0; i < n; i++) words[i] = this.sumsOf(tokens[i]);
    for (let i = 0; i < n; i++) {
      base = i * L;
      const first = startsClause(tokens, i);
      const local = this.localSums(words[i], tokens[i], info[i], first);
      for (let l = 0; l < L; l++) scores[base + l] = local[l];
      for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
        const j = i + NEIGHBOUR_OFFSETS[k];
        const sums = j >= 0 && j < n ? this.neighbourSums(words[j], k, info[j]) : this.edgeSums(k);
        for (let l = 0; l < L; l++) scores[base + l] += sums[l];
      }
      addPairFeatures(addToScores, i, info, inQuotes, first, options);
      scores[base] -= outsideBias;
    }
  }

  /** Summed weights of the features an emitting function adds, per label. */
  private sum(emit: (add: (h: number) => void) => void): Float32Array {
    const L = LABEL_COUNT;
    const { rowOf, dense } = this;
    const mask = (1 << this.data.bucketBits) - 1;
    const out = new Float32Array(L);
    emit((h) => {
      const d = rowOf[h & mask];
      if (d < 0) return;
      const row = d * L;
      for (let l = 0; l < L; l++) out[l] += dense[row + l];
    });
    return out;
  }

  private sumsOf(word: string): CachedSums {
    let entry = this.sumCache.get(word);
    if (entry === undefined) {
      if (this.sumCache.size >= SUM_CACHE_LIMIT) this.sumCache.clear();
      entry = { local: [undefined, undefined], neighbour: [undefined, undefined, undefined, undefined] };
      this.sumCache.set(word, entry);
    }
    return entry;
  }

  /** A word's own features (see addLocalFeatures), summed once per clause start. */
  private localSums(entry: CachedSums, word: string, t: TokenInfo, first: boolean): Float32Array {
    const k = first ? 1 : 0;
    return (entry.local[k] ??= this.sum((add) => addLocalFeatures(add, word, t, first, this.data.features)));
  }

  /** What a word contributes as the neighbour at NEIGHBOUR_OFFSETS[k] of another token. */
  private neighbourSums(entry: CachedSums, k: number, t: TokenInfo): Float32Array {
    return (entry.neighbour[k] ??= this.sum((add) =>
      addNeighbourFeatures(add, NEIGHBOUR_OFFSETS[k], t, this.data.features),
    ));
  }

  /** The same past either end of the sentence. */
  private edgeSums(k: number): Float32Array {
    return (this.edges[k] ??= this.sum((add) =>
      addNeighbourFeatures(add, NEIGHBOUR_OFFSETS[k], undefined, this.data.features),
    ));
  }

  tag(tokens: readonly string[]): string[] {
    return Array.from(this.decode(tokens), (l) => LABELS[l]);
  }
}

// File format: "NGNER1\n", a uint32 header length, a UTF-8 JSON header, then aligned binary sections:
// emission rows that are not all zero (row indexes uint32, then their weights as int16 scaled by
// header.scale), transitions float32, lexicon keys uint32 and values uint32.
const MAGIC = 'NGNER2\n';

export function serializeModel(data: ModelData): Uint8Array {
  const L = LABEL_COUNT;
  const rows = data.emissions.length / L;
  const used: number[] = [];
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) {
    let nonzero = false;
    for (let l = 0; l < L; l++) {
      const w = Math.abs(data.emissions[r * L + l]);
      if (w > 0) nonzero = true;
      if (w > maxAbs) maxAbs = w;
    }
    if (nonzero) used.push(r);
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rowIndexes = Uint32Array.from(used);
  const weights = new Int16Array(used.length * L);
  used.forEach((r, k) => {
    for (let l = 0; l < L; l++) weights[k * L + l] = Math.round(data.emissions[r * L + l] / scale);
  });
  const header = JSON.stringify({
    labels: LABELS,
    bucketBits: data.bucketBits,
    features: data.features,
    scale,
    outsideBias: data.outsideBias,
    rowCount: used.length,
    lexiconCapacity: data.lexicon.keys.length,
    info: data.info,
  });
  const headerBytes = new TextEncoder().encode(header);
  const align = (x: number) => (x + 7) & ~7;
  const start = align(MAGIC.length + 4 + headerBytes.length);
  const sections = [rowIndexes, weights, data.transitions, data.lexicon.keys, data.lexicon.values];
  let size = start;
  for (const s of sections) size = align(size + s.byteLength);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  out.set(headerBytes, MAGIC.length + 4);
  let at = start;
  for (const s of sections) {
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at = align(at + s.byteLength);
  }
  return out;
}

export function deserializeModel(bytes: Uint8Array, source = 'model file'): ModelData {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error(`${source} is not a newsgraph NER model: rebuild it with \`npm run train:ner\``);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)),
  );
  if (JSON.stringify(header.labels) !== JSON.stringify(LABELS)) {
    throw new Error(
      `${source} has labels ${JSON.stringify(header.labels)}, expected ${JSON.stringify(LABELS)}: rebuild it with \`npm run train:ner\``,
    );
  }
  const L = LABEL_COUNT;
  const align = (x: number) => (x + 7) & ~7;
  // Copy into a fresh buffer so every typed array is aligned whatever the input's byteOffset.
  const buffer = bytes.slice().buffer;
  let at = align(MAGIC.length + 4 + headerLength);
  const take = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, length: number, width: number): T => {
    const arr = make(buffer, at, length);
    at = align(at + length * width);
    return arr;
  };
  const rowIndexes = take((b, o, n) => new Uint32Array(b, o, n), header.rowCount, 4);
  const weights = take((b, o, n) => new Int16Array(b, o, n), header.rowCount * L, 2);
  const transitions = take((b, o, n) => new Float32Array(b, o, n), (L + 1) * L, 4);
  const keys = take((b, o, n) => new Uint32Array(b, o, n), header.lexiconCapacity, 4);
  const values = take((b, o, n) => new Uint32Array(b, o, n), header.lexiconCapacity, 4);
  const emissions = new Float32Array((1 << header.bucketBits) * L);
  const scale: number = header.scale;
  for (let k = 0; k < rowIndexes.length; k++) {
    const base = rowIndexes[k] * L;
    for (let l = 0; l < L; l++) emissions[base + l] = weights[k * L + l] * scale;
  }
  return {
    bucketBits: header.bucketBits,
    features: { ...DEFAULT_FEATURE_OPTIONS, ...header.features },
    emissions,
    transitions: Float32Array.from(transitions),
    lexicon: new Lexicon(keys, values),
    outsideBias: header.outsideBias ?? 0,
    info: header.info ?? {},
  };
}
