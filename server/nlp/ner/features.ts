// Turns a sentence of tokens into hashed feature indexes for the linear-chain NER model.
//
// Features are never materialised as strings: each token's strings are hashed once, and a feature is
// a mix of a template number with one or more of those hashes, reduced to a bucket of the weight table.
// That keeps extraction allocation-light, which is most of the tagging cost.

import {
  finalMix,
  hashString,
  LEX,
  LEX_BIT_COUNT,
  LEX_CLASS_SHIFT,
  LEX_WORD_CLASS_MASK,
  LEX_WORD_CLASS_SHIFT,
  type Lexicon,
  wordKey,
} from './lexicon.ts';

/** Which optional feature groups are on; stored in the model so tagging extracts what training did. */
export interface FeatureOptions {
  /** Neighbouring words at distance 2. */
  readonly window2: boolean;
  /** Word bigrams with the neighbours. */
  readonly bigrams: boolean;
  /** Lexicon class bits of the token and its neighbours. */
  readonly lexicon: boolean;
  /** Prefix and suffix lengths (1..n). */
  readonly affixLength: number;
  /** The dictionary head of closed compounds ("-foreningen", "-nævnet"). */
  readonly compoundHeads: boolean;
  /** Dictionary word classes (a stand-in for part of speech) of the token and its neighbours. */
  readonly wordClasses: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  window2: true,
  bigrams: true,
  lexicon: true,
  affixLength: 4,
  compoundHeads: true,
  wordClasses: false,
};

/** A sentence's features: the indexes of token i are `indexes[offsets[i] .. offsets[i+1])`. */
export interface SentenceFeatures {
  readonly indexes: Int32Array;
  readonly offsets: Int32Array;
}

// Capitalisation classes.
const CAP_NONE = 0; // no letters
const CAP_LOWER = 1;
const CAP_INITIAL = 2;
const CAP_ALL = 3;
const CAP_MIXED = 4;

// Template numbers; changing one changes every hash, so only ever append.
const T = {
  bias: 1,
  word: 2,
  lower: 3,
  prefix: 4,
  suffix: 5,
  shape: 6,
  shortShape: 7,
  capFirst: 8,
  digit: 9,
  hyphen: 10,
  period: 11,
  lex: 12,
  lexCap: 13,
  prevLower: 14,
  nextLower: 15,
  prev2Lower: 16,
  next2Lower: 17,
  prevShape: 18,
  nextShape: 19,
  prevBigram: 20,
  nextBigram: 21,
  shapeTrigram: 22,
  prevLex: 23,
  nextLex: 24,
  hyphenHead: 25,
  hyphenFirst: 26,
  genitiveStem: 27,
  length: 28,
  capTrigram: 29,
  inQuotes: 30,
  prevCapLex: 31,
  apostrophe: 32,
  nextCap: 33,
  prevCap: 34,
  allCapsLen: 35,
  wordShapePrev: 36,
  lexNone: 37,
  prev2Shape: 38,
  next2Shape: 39,
  dictClass: 40,
  compoundHead: 41,
  compoundHeadCap: 42,
  wordClass: 43,
  prevWordClass: 44,
  nextWordClass: 45,
  headLex: 46,
} as const;

function mix2(a: number, b: number): number {
  return finalMix(Math.imul(a, 0x9e3779b1) ^ b);
}

function mix3(a: number, b: number, c: number): number {
  return finalMix(Math.imul(mix2(a, b), 0x85ebca77) ^ c);
}

/** Shape like "Xxxx-xx", "dd,d": letters become X/x, digits d, others stay. */
export function wordShape(word: string): string {
  let out = '';
  for (let i = 0; i < word.length && i < 24; i++) {
    const c = word[i];
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (c >= '0' && c <= '9') out += 'd';
    else if (lower !== upper) out += c === upper ? 'X' : 'x';
    else out += c;
  }
  return out;
}

/** Shape with runs collapsed: "Xx-x", "d,d". */
export function shortShape(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

function capClass(word: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const lc = c.toLowerCase();
    const uc = c.toUpperCase();
    if (lc === uc) continue;
    if (c === uc) upper++;
    else lower++;
  }
  if (upper + lower === 0) return CAP_NONE;
  if (upper === 0) return CAP_LOWER;
  const first = word[0];
  const firstUpper = first !== first.toLowerCase() && first === first.toUpperCase();
  if (lower === 0) return upper >= 2 ? CAP_ALL : CAP_INITIAL;
  if (firstUpper && upper === 1) return CAP_INITIAL;
  return CAP_MIXED;
}

const OPENERS = new Set(['"', '“', '”', '„', '«', '»', '‘', "'", '(', '[', '-', '–', '—', ':', '*', '•']);
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);

/** Suffixes tried, longest first, when a lowercase word is not itself in the dictionary. */
const INFLECTIONS = [
  'erne',
  'ene',
  'ens',
  'ets',
  'ers',
  'ere',
  'est',
  'en',
  'et',
  'er',
  'es',
  'te',
  'de',
  'e',
  's',
  'r',
  't',
];

/** Lexicon bits of a token, with the genitive and common inflections stripped when the word itself is unknown. */
export function lexiconBits(lexicon: Lexicon, lower: string): number {
  let bits = lexicon.bitsOfKey(wordKey(lower));
  if (lower.length > 3) {
    if ((bits & (LEX.dictProper | LEX.firstName | LEX.surname | LEX.place | LEX.orgName)) === 0) {
      // Genitive forms: "Huaweis", "USA's", "Jens'".
      let stem: string | undefined;
      if (lower.endsWith("'s") || lower.endsWith('’s')) stem = lower.slice(0, -2);
      else if (lower.endsWith('s') || lower.endsWith("'") || lower.endsWith('’')) stem = lower.slice(0, -1);
      if (stem) bits |= lexicon.bitsOfKey(wordKey(stem)) & ~(LEX.dictCommon | LEX.corpusLower);
    }
    if ((bits & LEX.dictCommon) === 0) {
      for (const suffix of INFLECTIONS) {
        if (lower.length - suffix.length >= 3 && lower.endsWith(suffix)) {
          const stemBits = lexicon.bitsOfKey(wordKey(lower.slice(0, -suffix.length)));
          if (stemBits & LEX.dictCommon) {
            bits |= LEX.dictCommon;
            // An inflected form has its stem's word class, unless it has one of its own.
            if (((bits >>> LEX_WORD_CLASS_SHIFT) & LEX_WORD_CLASS_MASK) === 0)
              bits |= stemBits & (LEX_WORD_CLASS_MASK << LEX_WORD_CLASS_SHIFT);
            break;
          }
        }
      }
    }
  }
  return bits;
}

/** Shortest tail a compound head may have, and shortest modifier before it. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
/** Longer "words" (URLs, junk) are not split: the search is quadratic in the length. */
const MAX_COMPOUND_LENGTH = 40;

/**
 * The head of a Danish closed compound: the longest tail of the word that the dictionary knows as a
 * common word ("miljøklagenævnet" -> "klagenævnet", "ørestadsbanen" -> "banen"). Names built on the
 * same head tend to have the same type ("-foreningen", "-ministeriet", "-vej"). Undefined when none.
 */
export function compoundHead(lexicon: Lexicon, lower: string): string | undefined {
  if (lower.length < MIN_HEAD + MIN_MODIFIER || lower.length > MAX_COMPOUND_LENGTH || lower.includes('-'))
    return undefined;
  for (let i = MIN_MODIFIER; i <= lower.length - MIN_HEAD; i++) {
    const tail = lower.slice(i);
    if (lexiconBits(lexicon, tail) & LEX.dictCommon) return tail;
  }
  return undefined;
}

export interface TokenInfo {
  readonly lower: string;
  lowerHash: number;
  wordHash: number;
  shapeHash: number;
  shortShapeHash: number;
  cap: number;
  lex: number;
  /** Hash of the compound head, 0 when the word has none. */
  headHash: number;
  /** Lexicon bits of the compound head or of the part after the last hyphen ("-ministeriet" is an org word). */
  headLex: number;
}

/** Head bits worth a feature: what kind of thing the head names. */
const HEAD_LEX_BITS = LEX.orgWord | LEX.personTitle | LEX.place | LEX.dictPlace | LEX.orgSuffix;

/** Most words a tagger remembers the per-word feature parts of; the cache is emptied when full. */
const TOKEN_CACHE_LIMIT = 200_000;

function tokenInfo(word: string, lexicon: Lexicon, options: FeatureOptions): TokenInfo {
  const lower = word.toLowerCase();
  const shape = wordShape(word);
  const head = options.lexicon && options.compoundHeads ? compoundHead(lexicon, lower) : undefined;
  const hyphenTail = lower.length > 1 && lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : undefined;
  const headWord = head ?? hyphenTail;
  return {
    lower,
    lowerHash: hashString(lower),
    wordHash: hashString(word),
    shapeHash: hashString(shape),
    shortShapeHash: hashString(shortShape(shape)),
    cap: capClass(word),
    lex: options.lexicon ? lexiconBits(lexicon, lower) : 0,
    headHash: head === undefined ? 0 : hashString(head),
    headLex: options.lexicon && options.compoundHeads && headWord ? lexiconBits(lexicon, headWord) & HEAD_LEX_BITS : 0,
  };
}

/** The cached (or freshly computed) per-word parts of every token. */
export function tokenInfos(
  tokens: readonly string[],
  lexicon: Lexicon,
  options: FeatureOptions,
  cache?: Map<string, TokenInfo>,
): TokenInfo[] {
  const n = tokens.length;
  const info: TokenInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const word = tokens[i];
    let t = cache?.get(word);
    if (t === undefined) {
      t = tokenInfo(word, lexicon, options);
      if (cache) {
        if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
        cache.set(word, t);
      }
    }
    info[i] = t;
  }
  return info;
}

/** Quotation state: 1 for tokens between a pair of straight or curly double quotes (titles are MISC). */
export function quotedTokens(tokens: readonly string[]): Uint8Array {
  const n = tokens.length;
  const inQuotes = new Uint8Array(n);
  let open = -1;
  for (let i = 0; i < n; i++) {
    if (QUOTES.has(tokens[i])) {
      if (open >= 0 && i - open > 1) {
        for (let j = open + 1; j < i; j++) inQuotes[j] = 1;
        open = -1;
      } else open = i;
    }
  }
  return inQuotes;
}

/** Whether token i opens a clause: the sentence start, or right after a quote, bracket, dash, colon or bullet. */
export function startsClause(tokens: readonly string[], i: number): boolean {
  return i === 0 || OPENERS.has(tokens[i - 1]);
}

const BOS = 0x5eed0001;
const EOS = 0x5eed0002;

/**
 * The features of a token that depend only on the word itself and whether it opens a clause. They are split
 * from the context features so a tagger can sum their weights once per (word, clause start) and reuse the sum:
 * in running text most tokens are words seen before, and these are about two thirds of all features.
 */
export function addLocalFeatures(
  add: (h: number) => void,
  word: string,
  t: TokenInfo,
  first: boolean,
  options: FeatureOptions,
): void {
  const lower = t.lower;
  add(T.bias);
  add(mix2(T.word, t.wordHash));
  add(mix2(T.lower, t.lowerHash));
  // Prefixes and suffixes, hashed incrementally.
  let ph = 0x811c9dc5;
  let sh = 0x811c9dc5;
  const maxAffix = Math.min(options.affixLength, lower.length);
  for (let k = 1; k <= maxAffix; k++) {
    ph = Math.imul(ph ^ lower.charCodeAt(k - 1), 16777619);
    sh = Math.imul(sh ^ lower.charCodeAt(lower.length - k), 16777619);
    add(mix3(T.prefix, k, ph));
    add(mix3(T.suffix, k, sh));
  }
  add(mix2(T.shape, t.shapeHash));
  add(mix2(T.shortShape, t.shortShapeHash));
  add(mix3(T.capFirst, t.cap, first ? 1 : 0));
  add(mix2(T.length, Math.min(lower.length, 12)));
  if (/\d/.test(word)) add(T.digit);
  if (word.length > 1 && word.includes('-')) {
    add(T.hyphen);
    const parts = lower.split('-');
    add(mix2(T.hyphenHead, hashString(parts[parts.length - 1])));
    add(mix3(T.hyphenFirst, hashString(parts[0]), t.cap));
  }
  if (word.length > 1 && word.includes('.')) add(mix2(T.period, t.cap));
  if (word.length > 1 && (word.includes("'") || word.includes('’'))) add(T.apostrophe);
  if (t.cap === CAP_INITIAL && lower.length > 3 && lower.endsWith('s'))
    add(mix2(T.genitiveStem, hashString(lower.slice(0, -1))));
  if (!options.lexicon) return;
  const lex = t.lex;
  if (lex === 0) add(mix2(T.lexNone, t.cap));
  for (let b = 0; b < LEX_BIT_COUNT; b++) {
    if (lex & (1 << b)) {
      add(mix2(T.lex, b));
      add(mix3(T.lexCap, b, t.cap * 2 + (first ? 1 : 0)));
    }
  }
  // The whole bit pattern with capitalisation: "capitalised, a proper noun and never lowercase".
  add(mix3(T.lexCap, 100 + (lex & 0x3ff), t.cap));
  const dictClass = lex >>> LEX_CLASS_SHIFT;
  if (dictClass) add(mix3(T.dictClass, dictClass, t.cap));
  if (t.headLex !== 0) {
    for (let b = 0; b < LEX_BIT_COUNT; b++) if (t.headLex & (1 << b)) add(mix3(T.headLex, b, t.cap));
  }
  if (t.headHash !== 0) {
    add(mix2(T.compoundHead, t.headHash));
    add(mix3(T.compoundHeadCap, t.headHash, t.cap));
  }
}

/** Where a neighbour sits relative to the token whose features are extracted. */
export type NeighbourOffset = -2 | -1 | 1 | 2;
export const NEIGHBOUR_OFFSETS: readonly NeighbourOffset[] = [-1, 1, -2, 2];

/**
 * The features of a token that look at one neighbour alone (its word, shape and lexicon bits); `nb` is
 * undefined past either end of the sentence. Like the local features, a tagger can sum them once per
 * (word, offset): they depend on nothing else.
 */
export function addNeighbourFeatures(
  add: (h: number) => void,
  offset: NeighbourOffset,
  nb: TokenInfo | undefined,
  options: FeatureOptions,
): void {
  const edge = offset < 0 ? BOS : EOS;
  const lowerHash = nb ? nb.lowerHash : edge;
  const shapeHash = nb ? nb.shortShapeHash : edge;
  if (offset === -1 || offset === 1) {
    add(mix2(offset < 0 ? T.prevLower : T.nextLower, lowerHash));
    add(mix2(offset < 0 ? T.prevShape : T.nextShape, shapeHash));
    if (options.lexicon && nb) {
      const template = offset < 0 ? T.prevLex : T.nextLex;
      for (let b = 0; b < LEX_BIT_COUNT; b++) if (nb.lex & (1 << b)) add(mix3(template, b, nb.cap));
    }
  } else if (options.window2) {
    add(mix2(offset < 0 ? T.prev2Lower : T.next2Lower, lowerHash));
    add(mix2(offset < 0 ? T.prev2Shape : T.next2Shape, shapeHash));
  }
}

/** The features of token i that combine it with its neighbours, or look at quotes around it. */
export function addPairFeatures(
  add: (h: number) => void,
  i: number,
  info: readonly TokenInfo[],
  inQuotes: Uint8Array,
  first: boolean,
  options: FeatureOptions,
): void {
  const n = info.length;
  const t = info[i];
  const prev = i > 0 ? info[i - 1] : undefined;
  const next = i + 1 < n ? info[i + 1] : undefined;
  const prevCap = prev ? prev.cap : BOS;
  const nextCap = next ? next.cap : EOS;
  const prevLower = prev ? prev.lowerHash : BOS;
  const nextLower = next ? next.lowerHash : EOS;
  if (inQuotes[i]) add(mix2(T.inQuotes, t.cap));
  add(mix3(T.capTrigram, mix2(prevCap, t.cap), nextCap));
  add(mix3(T.shapeTrigram, mix2(prev ? prev.shortShapeHash : BOS, t.shortShapeHash), next ? next.shortShapeHash : EOS));
  add(mix3(T.wordShapePrev, prevLower, t.shortShapeHash));
  if (options.bigrams) {
    add(mix3(T.prevBigram, prevLower, t.lowerHash));
    add(mix3(T.nextBigram, t.lowerHash, nextLower));
  }
  if (!options.lexicon) return;
  if (options.wordClasses) {
    const wordClass = (j: number) =>
      j < 0 || j >= n ? 0x7f0 : (info[j].lex >>> LEX_WORD_CLASS_SHIFT) & LEX_WORD_CLASS_MASK;
    add(mix3(T.wordClass, wordClass(i), t.cap));
    add(mix3(T.prevWordClass, wordClass(i - 1), t.cap));
    add(mix3(T.nextWordClass, wordClass(i + 1), t.cap));
  }
  add(mix3(T.prevCapLex, prevCap, t.cap * 8 + (first ? 1 : 0)));
}

/**
 * Extracts the hashed features of every token of a sentence. `bucketBits` is log2 of the number of
 * weight rows; the returned indexes are row numbers.
 */
export function extractFeatures(
  tokens: readonly string[],
  lexicon: Lexicon,
  options: FeatureOptions,
  bucketBits: number,
  cache?: Map<string, TokenInfo>,
): SentenceFeatures {
  const n = tokens.length;
  const mask = (1 << bucketBits) - 1;
  const info = tokenInfos(tokens, lexicon, options, cache);
  const inQuotes = quotedTokens(tokens);

  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  const add = (h: number) => out.push(h & mask);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const first = startsClause(tokens, i);
    addLocalFeatures(add, tokens[i], info[i], first, options);
    for (const offset of NEIGHBOUR_OFFSETS) addNeighbourFeatures(add, offset, info[i + offset], options);
    addPairFeatures(add, i, info, inQuotes, first, options);
  }
  offsets[n] = out.length;
  return { indexes: Int32Array.from(out), offsets };
}
