// The relation classifier's view of a candidate pair: named features of the two ends and the words around them.
// The same function serves training (corpus sentences) and extraction (tokenised article sentences), so a
// feature means the same thing in both.
import type { EntityType } from '../../model.ts';
import { COMPANY_NAME_ENDINGS, GOVERNMENT_WORDS, ORGANIZATION_WORDS } from '../danish.ts';
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
function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/** Possessive "s" on a name: "Novos", "USA's", "Huaweis". */
function isGenitive(token: string): boolean {
  return /(?:'s|’s|[^s]s|')$/u.test(token) && /^\p{Lu}/u.test(token);
}

/** Lowercases the tokens of a sentence once; callers pass the result to pairFeatures for every pair. */
export function lowerTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.toLowerCase());
}

/**
 * The features of the ordered pair (from -> to) in a sentence; `from` null is the article itself (the CITES
 * candidates). `lower` is lowerTokens(sentence.tokens).
 */
export function pairFeatures(
  sentence: PairSentence,
  lower: readonly string[],
  from: PairEnd | null,
  to: PairEnd,
): string[] {
  const f: string[] = ['bias'];
  const add = (name: string) => f.push(name);
  const view = sentenceView(sentence, lower);
  const sentenceCues = view.sentenceCues;
  const tokenCues = view.tokenCues;
  // Other entities' words say nothing about this pair but that an entity stands there: "<Company>", once per name.
  // (The pair's own words are never read below: only the words between and around its ends.)
  lower = view.masked;
  const n = lower.length;
  const word = (i: number) => (i >= 0 && i < n ? lower[i] : i < 0 ? '<s>' : '</s>');
  const cuesIn = (lo: number, hi: number): Set<string> => {
    const seen = new Set<string>();
    for (let i = Math.max(0, lo); i < Math.min(n, hi); i++) for (const g of tokenCues[i]) seen.add(g);
    return seen;
  };
  const addCues = (prefix: string, lo: number, hi: number) => {
    for (const g of cuesIn(lo, hi)) add(`${prefix}:${g}`);
  };

  if (from === null) {
    // Is `to` the source the article cites? The words around it tell ("skriver Børsen", "ifølge Reuters").
    add(`A:t=${to.type}`);
    for (const k of [1, 2]) {
      add(`A:b${k}=${word(to.start - k)}`);
      add(`A:a${k}=${word(to.end - 1 + k)}`);
    }
    add(`A:b12=${word(to.start - 2)}_${word(to.start - 1)}`);
    addCues('A:before', to.start - 3, to.start);
    addCues('A:after', to.end, to.end + 3);
    for (const g of sentenceCues) add(`A:sent:${g}`);
    if (to.end >= n - 2) add('A:atEnd');
    if (to.start === 0) add('A:atStart');
    return f;
  }

  const forward = from.start < to.start;
  const [left, right] = forward ? [from, to] : [to, from];
  const dir = forward ? '>' : '<';
  const types = `${from.type}${dir}${to.type}`;
  add(`t=${types}`);
  add(`tf=${from.type}`);
  add(`tt=${to.type}`);

  const lo = left.end;
  const hi = right.start;
  const between = hi > lo ? lower.slice(lo, hi).filter((w) => w !== '') : [];
  const gap = between.length;
  add(`d=${distanceBucket(gap)}`);
  add(`dt=${distanceBucket(gap)}|${types}`);

  // Words and stems between the ends, in the pair's direction; short gaps also as one string.
  const shown =
    gap <= MAX_BETWEEN_WORDS ? between : [...between.slice(0, EDGE_WORDS), ...between.slice(gap - EDGE_WORDS)];
  for (const w of shown) {
    add(`w${dir}${w}`);
    add(`s${dir}${stem(w)}`);
  }
  if (gap > 0 && gap <= 4) add(`W${dir}${between.join('_')}|${from.type}>${to.type}`);
  if (gap === 0) add(`adjacent${dir}`);
  if (gap > 0) {
    add(`first${dir}${between[0]}`);
    add(`last${dir}${between[gap - 1]}`);
  }
  for (let i = 0; i + 1 < shown.length; i++) add(`bg${dir}${shown[i]}_${shown[i + 1]}`);
  addCues(`cue${dir}`, lo, hi);
  for (const g of cuesIn(lo, hi)) add(`cue${dir}${g}|${types}`);
  // Cues right next to an end weigh more than cues somewhere between ("mødtes med Y", "X, direktør i Y").
  for (const g of cuesIn(Math.max(lo, hi - 3), hi)) add(`cueNearR${dir}${g}|${types}`);
  for (const g of cuesIn(lo, Math.min(hi, lo + 3))) add(`cueNearL${dir}${g}|${types}`);
  // The sentence's cues, for facts whose cue sits outside the pair ("X og Y indgår et samarbejde").
  for (const g of sentenceCues) add(`cueS:${g}|${types}`);

  // Around the pair: the words just before the left end and just after the right end.
  add(`L1=${word(left.start - 1)}`);
  add(`L2=${word(left.start - 2)}_${word(left.start - 1)}`);
  add(`R1=${word(right.end)}`);
  add(`R2=${word(right.end)}_${word(right.end + 1)}`);
  addCues('cueL', left.start - 3, left.start);
  addCues('cueR', right.end, right.end + 3);
  // What kind of body each end is, read off its own words ("Aalborg Kommune", "Region Midtjylland", "Danske Bank").
  for (const [side, e] of [
    ['F', from],
    ['T', to],
  ] as const) {
    for (const t of [sentence.tokens[e.start], sentence.tokens[e.end - 1]]) {
      const w = t?.toLowerCase();
      if (w && KIND_WORDS.has(w)) add(`kind${side}=${w}|${dir}`);
    }
  }
  // Title words right before a person ("topchef Lars Hansen"), the commonest place for a role.
  if (from.type === 'Person') add(`pt=${word(from.start - 1)}|${to.type}`);

  // Constructions.
  const leftLast = sentence.tokens[left.end - 1] ?? '';
  if (isGenitive(leftLast)) add(`gen${dir}|${types}`);
  if (gap >= 1 && between[0] === ',') add(`comma1${dir}`);
  if (gap >= 1 && between[0] === '(') add(`paren${dir}|${types}`);
  if (word(left.start - 1).endsWith('-') || /-\p{L}+$/u.test(sentence.tokens[left.end - 1] ?? ''))
    add(`compound${dir}`);
  if (between.includes('af')) add(`af${dir}`);
  if (gap > 0 && between[gap - 1] === 'af') add(`afLast${dir}|${types}`);
  if (between.some((w) => w === 'blev' || w === 'blevet' || w === 'bliver' || /\p{L}+es$/u.test(w)))
    add(`passive${dir}`);
  if (between.includes('og') || between.includes('eller')) add(`conj${dir}`);
  if (between.includes('"') || between.includes('”') || between.includes('«')) add(`quote${dir}`);
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
    add(`coord|${from.type}>${to.type}`);
    for (const g of sentenceCues) add(`coord:${g}`);
  }
  // Is this the nearest entity of its type in that direction? Lists ("X, Y og Z") relate the nearest one first.
  add(sameTypeBetween === 0 ? `nearest${dir}|${types}` : `notNearest${dir}`);
  add(`eb=${Math.min(endsBetween, 2)}`);
  // The verb-ish word right after the from end when it starts the clause ("X køber Y", "X sagsøger Y").
  if (forward && gap > 0) add(`v1=${stem(between[0])}|${types}`);
  return f;
}

interface SentenceView {
  /** The lowercased tokens with every entity masked as its type ("<Company>", then "" for its other tokens). */
  readonly masked: readonly string[];
  /** The cue groups of each masked token. */
  readonly tokenCues: readonly (readonly string[])[];
  /** The cue groups of the whole sentence, unmasked. */
  readonly sentenceCues: ReadonlySet<string>;
}

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
  const tokenCues = masked.map((w, i) => (w === '' || w.startsWith('<') ? [] : cueGroups(w, masked[i + 1])));
  const sentenceCues = new Set<string>();
  for (let i = 0; i < lower.length; i++) for (const g of cueGroups(lower[i], lower[i + 1])) sentenceCues.add(g);
  view = { masked, tokenCues, sentenceCues };
  views.set(lower, view);
  return view;
}
