// The relation classifier's view of a candidate pair: named features of the two ends and the words around them.
// The same function serves training (corpus sentences) and extraction (tokenised article sentences), so a
// feature means the same thing in both.
import type { EntityType } from '../../model.ts';
import { COMPANY_NAME_ENDINGS, GOVERNMENT_WORDS, ORGANIZATION_WORDS } from '../danish.ts';
import { FeatureNames, type FeatureSink } from '../linear.ts';
import { cueGroups } from './cues.ts';

/** One end of a pair: a span over the sentence's tokens (`start` inclusive, `end` exclusive) and its type. */
export interface PairEnd {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

/** A sentence as the classifier sees it: lowercased tokens and the entity spans named in it. */
export interface PairSentence {
  readonly tokens: readonly string[];
  readonly ends: readonly PairEnd[];
}

/** Institution words that say what kind of body a name is (its first or last word). */
const KIND_WORDS: ReadonlySet<string> = new Set([...GOVERNMENT_WORDS, ...ORGANIZATION_WORDS, ...COMPANY_NAME_ENDINGS]);

/** Words between the ends beyond this many are summarised by their first and last few. */
const MAX_BETWEEN_WORDS = 8;
const EDGE_WORDS = 3;

function distanceBucket(n: number): string {
  if (n <= 2) return String(n);
  if (n <= 4) return '3-4';
  if (n <= 7) return '5-7';
  if (n <= 12) return '8-12';
  return '13+';
}

/** A crude Danish stem: the first five letters of a longer word (køber, købte -> køb..; sagsøger -> sagsø). */
const STEM_LENGTH = 5;

function stem(word: string): string {
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** Possessive "s" on a name: "Novos", "USA's", "Huaweis". */
function isGenitive(token: string): boolean {
  // Most tokens end in neither: answered before the expressions run (this runs for every token of every sentence).
  const last = token.charCodeAt(token.length - 1);
  if (last !== 0x73 && last !== 0x27) return false;
  return /(?:'s|’s|[^s]s|')$/u.test(token) && /^\p{Lu}/u.test(token);
}

/** Lowercases the tokens of a sentence once; callers pass the result to pairFeatures for every pair. */
export function lowerTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.toLowerCase());
}

/** "Company>Person": the two ends' types joined by the direction, kept once (a scored feature part, built per pair). */
const TYPE_PAIRS = new Map<string, string>();

function typePair(from: EntityType, dir: '>' | '<', to: EntityType): string {
  const key = from + dir + to;
  let joined = TYPE_PAIRS.get(key);
  if (joined === undefined) TYPE_PAIRS.set(key, (joined = key));
  return joined;
}

const ENDS_BETWEEN = ['0', '1', '2'] as const;

/** pairFeatures' names, for training and reading. */
export function pairFeatureNames(
  sentence: PairSentence,
  lower: readonly string[],
  from: PairEnd | null,
  to: PairEnd,
): string[] {
  const names = new FeatureNames();
  pairFeatures(sentence, lower, from, to, names);
  return names.names;
}

/**
 * Makes the features of the ordered pair (from -> to) in a sentence into `f`; `from` null is the article itself (the
 * CITES candidates). `lower` is lowerTokens(sentence.tokens). A feature's name is its parts joined (FeatureSink).
 */
export function pairFeatures(
  sentence: PairSentence,
  lower: readonly string[],
  from: PairEnd | null,
  to: PairEnd,
  f: FeatureSink,
): void {
  f.add('bias');
  const view = sentenceView(sentence, lower);
  const sentenceCues = view.sentenceCues;
  const tokenCues = view.tokenCues;
  const unmasked = lower;
  // Other entities' words say nothing about this pair but that an entity stands there: "<Company>", once per name.
  // (The pair's own words are never read below: only the words between and around its ends.)
  lower = view.masked;
  // (word and addCues are module functions, not closures: this runs for every pair, and under tsx every named
  // closure costs a defineProperty call when it is made.)

  if (from === null) {
    // Is `to` the source the article cites? The words around it tell ("skriver Børsen", "ifølge Reuters").
    f.add('A:t=', to.type);
    f.add('A:b1=', wordAt(lower, to.start - 1));
    f.add('A:a1=', wordAt(lower, to.end));
    f.add('A:b2=', wordAt(lower, to.start - 2));
    f.add('A:a2=', wordAt(lower, to.end + 1));
    f.add('A:b12=', wordAt(lower, to.start - 2), '_', wordAt(lower, to.start - 1));
    addCues(f, tokenCues, 'A:before', to.start - 3, to.start);
    addCues(f, tokenCues, 'A:after', to.end, to.end + 3);
    for (const g of sentenceCues) f.add('A:sent:', g);
    if (to.end >= lower.length - 2) f.add('A:atEnd');
    if (to.start === 0) f.add('A:atStart');
    return;
  }

  const forward = from.start < to.start;
  const left = forward ? from : to;
  const right = forward ? to : from;
  const dir = forward ? '>' : '<';
  const types = typePair(from.type, dir, to.type);
  f.add('t=', types);
  f.add('tf=', from.type);
  f.add('tt=', to.type);

  const lo = left.end;
  const hi = right.start;
  const between: string[] = [];
  for (let i = lo; i < hi; i++) if (lower[i] !== '') between.push(lower[i]);
  const gap = between.length;
  const bucket = distanceBucket(gap);
  f.add('d=', bucket);
  f.add('dt=', bucket, '|', types);

  // Words and stems between the ends, in the pair's direction; short gaps also as one string.
  const shown =
    gap <= MAX_BETWEEN_WORDS ? between : [...between.slice(0, EDGE_WORDS), ...between.slice(gap - EDGE_WORDS)];
  for (const w of shown) {
    f.add('w', dir, w);
    // A word of five letters or fewer is its own stem: the word feature says it already.
    if (w.length > STEM_LENGTH) f.add('s', dir, stem(w));
  }
  if (gap > 0 && gap <= 4) f.add('W', dir, between.join('_'), '|', typePair(from.type, '>', to.type));
  if (gap === 0) f.add('adjacent', dir);
  if (gap > 0) {
    f.add('first', dir, between[0]);
    f.add('last', dir, between[gap - 1]);
  }
  for (let i = 0; i + 1 < shown.length; i++) f.add('bg', dir, shown[i], '_', shown[i + 1]);
  const betweenCues = cuesIn(tokenCues, lo, hi);
  for (const g of betweenCues) f.add('cue', dir, ':', g);
  for (const g of betweenCues) f.add('cue', dir, g, '|', types);
  // Cues right next to an end weigh more than cues somewhere between ("mødtes med Y", "X, direktør i Y").
  for (const g of cuesIn(tokenCues, Math.max(lo, hi - 3), hi)) f.add('cueNearR', dir, g, '|', types);
  for (const g of cuesIn(tokenCues, lo, Math.min(hi, lo + 3))) f.add('cueNearL', dir, g, '|', types);
  // The sentence's cues, for facts whose cue sits outside the pair ("X og Y indgår et samarbejde").
  for (const g of sentenceCues) f.add('cueS:', g, '|', types);

  // Around the pair: the words just before the left end and just after the right end.
  f.add('L1=', wordAt(lower, left.start - 1));
  f.add('L2=', wordAt(lower, left.start - 2), '_', wordAt(lower, left.start - 1));
  f.add('R1=', wordAt(lower, right.end));
  f.add('R2=', wordAt(lower, right.end), '_', wordAt(lower, right.end + 1));
  addCues(f, tokenCues, 'cueL', left.start - 3, left.start);
  addCues(f, tokenCues, 'cueR', right.end, right.end + 3);
  // What kind of body each end is, read off its own words ("Aalborg Kommune", "Region Midtjylland", "Danske Bank").
  addKindWords(f, 'kindF=', unmasked, from, dir);
  addKindWords(f, 'kindT=', unmasked, to, dir);
  // Title words right before a person ("topchef Lars Hansen"), the commonest place for a role.
  if (from.type === 'Person') f.add('pt=', wordAt(lower, from.start - 1), '|', to.type);

  // Constructions.
  if (view.genitive[left.end - 1]) f.add('gen', dir, '|', types);
  if (gap >= 1 && between[0] === ',') f.add('comma1', dir);
  if (gap >= 1 && between[0] === '(') f.add('paren', dir, '|', types);
  if (wordAt(lower, left.start - 1).endsWith('-') || view.hyphenated[left.end - 1]) f.add('compound', dir);
  if (between.includes('af')) f.add('af', dir);
  if (gap > 0 && between[gap - 1] === 'af') f.add('afLast', dir, '|', types);
  if (hasPassive(view, lo, hi)) f.add('passive', dir);
  if (between.includes('og') || between.includes('eller')) f.add('conj', dir);
  if (between.includes('"') || between.includes('”') || between.includes('«')) f.add('quote', dir);
  let endsBetween = 0;
  let sameTypeBetween = 0;
  for (const e of sentence.ends) {
    if (e.start >= lo && e.end <= hi) {
      endsBetween++;
      if (e.type === (forward ? to.type : from.type)) sameTypeBetween++;
    }
  }
  // Coordinated ends ("X, Y og Z indgår en aftale", "X og Y mødtes"): the cue is outside the pair, in the sentence.
  if (gap > 0 && between.every((w) => w === ',' || w === 'og' || w === 'eller' || w === '&' || w.startsWith('<'))) {
    f.add('coord|', typePair(from.type, '>', to.type));
    for (const g of sentenceCues) f.add('coord:', g);
  }
  // Is this the nearest entity of its type in that direction? Lists ("X, Y og Z") relate the nearest one first.
  if (sameTypeBetween === 0) f.add('nearest', dir, '|', types);
  else f.add('notNearest', dir);
  f.add('eb=', ENDS_BETWEEN[Math.min(endsBetween, 2)]);
  // The verb-ish word right after the from end when it starts the clause ("X køber Y", "X sagsøger Y").
  if (forward && gap > 0) f.add('v1=', stem(between[0]), '|', types);
}

/** Token i of `lower`, or a sentence-boundary marker outside it. */
function wordAt(lower: readonly string[], i: number): string {
  return i >= 0 && i < lower.length ? lower[i] : i < 0 ? '<s>' : '</s>';
}

/** Each cue group of tokens lo..hi as a feature `prefix:group`. */
function addCues(
  f: FeatureSink,
  tokenCues: readonly (readonly string[])[],
  prefix: string,
  lo: number,
  hi: number,
): void {
  for (const g of cuesIn(tokenCues, lo, hi)) f.add(prefix, ':', g);
}

/** Adds the institution words that start or end an end's name ("Aalborg Kommune", "Danske Bank"). */
function addKindWords(f: FeatureSink, side: string, lower: readonly string[], e: PairEnd, dir: string): void {
  const first = lower[e.start];
  if (first && KIND_WORDS.has(first)) f.add(side, first, '|', dir);
  const last = lower[e.end - 1];
  if (last && KIND_WORDS.has(last)) f.add(side, last, '|', dir);
}

/** The distinct cue groups of tokens lo..hi in order of first appearance (a handful: a list beats a Set here). */
function cuesIn(tokenCues: readonly (readonly string[])[], lo: number, hi: number): readonly string[] {
  let seen: string[] | undefined;
  for (let i = Math.max(0, lo); i < Math.min(tokenCues.length, hi); i++) {
    for (const g of tokenCues[i]) {
      if (!seen) seen = [g];
      else if (!seen.includes(g)) seen.push(g);
    }
  }
  return seen ?? NO_CUES;
}

/** A passive verb between lo and hi ("blev", "bliver", "købes"). */
function hasPassive(view: SentenceView, lo: number, hi: number): boolean {
  for (let i = lo; i < hi; i++) if (view.passive[i]) return true;
  return false;
}

const LETTER_AT_END = /\p{L}$/u;

/** An s-passive ("købes", "overtages"): a letter, then "es". */
function isPassiveForm(w: string): boolean {
  const n = w.length;
  if (n < 3 || w.charCodeAt(n - 1) !== 0x73 || w.charCodeAt(n - 2) !== 0x65) return false;
  const c = w.charCodeAt(n - 3);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER_AT_END.test(w.slice(0, n - 2));
}
const HYPHENATED = /-\p{L}+$/u;

interface SentenceView {
  /** The lowercased tokens with every entity masked as its type ("<Company>", then "" for its other tokens). */
  readonly masked: readonly string[];
  /** Per token: a possessive name ("Novos"), a hyphenated word ("Novo-topchef"), a passive verb (masked). */
  readonly genitive: readonly boolean[];
  readonly hyphenated: readonly boolean[];
  readonly passive: readonly boolean[];
  /** The cue groups of each masked token. */
  readonly tokenCues: readonly (readonly string[])[];
  /** The cue groups of the whole sentence, unmasked. */
  readonly sentenceCues: ReadonlySet<string>;
}

const NO_CUES: readonly string[] = [];

const views = new WeakMap<readonly string[], SentenceView>();

/** What every pair of a sentence reads, computed once per sentence (keyed by its lowercased tokens). */
function sentenceView(sentence: PairSentence, lower: readonly string[]): SentenceView {
  let view = views.get(lower);
  if (view) return view;
  const masked = [...lower];
  for (const e of sentence.ends) {
    masked[e.start] = `<${e.type}>`;
    for (let i = e.start + 1; i < e.end; i++) masked[i] = '';
  }
  const n = lower.length;
  const tokenCues: (readonly string[])[] = new Array(n);
  const sentenceCues = new Set<string>();
  const passive: boolean[] = new Array(n);
  const genitive: boolean[] = new Array(n);
  const hyphenated: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cues = cueGroups(lower[i], lower[i + 1]);
    for (const g of cues) sentenceCues.add(g);
    const w = masked[i];
    // A masked token has no cues; an unmasked one before a masked one reads no multi-word cue into the entity.
    tokenCues[i] =
      w === '' || w.startsWith('<')
        ? NO_CUES
        : i + 1 < n && masked[i + 1] !== lower[i + 1]
          ? cueGroups(w, masked[i + 1])
          : cues;
    passive[i] = w === 'blev' || w === 'blevet' || w === 'bliver' || isPassiveForm(w);
    const token = sentence.tokens[i];
    genitive[i] = isGenitive(token);
    hyphenated[i] = HYPHENATED.test(token);
  }
  view = { masked, tokenCues, sentenceCues, genitive, hyphenated, passive };
  views.set(lower, view);
  return view;
}
