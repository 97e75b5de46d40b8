// Applying the relation classifier to corpus sentences and scoring it: P/R/F1 per relation type and micro-averaged.
import { type EntityType, type RelationType, SYMMETRIC_RELATION_TYPES } from '../../model.ts';
import { type CandidatePair, type CorpusSentence, candidatePairs } from './corpus.ts';
import { lowerTokens, type PairEnd, type PairSentence, pairFeatureNames, pairFeatures } from './features.ts';
import type { Prediction, RelationLabel, RelationModel } from './model.ts';

/** Below this probability a typed answer is not trusted and the pair stays NONE (a co-mention in the graph). */
export const MIN_RELATION_PROBABILITY = 0.4;

/** The label a prediction stands for: its type when probable enough, else NONE. */
export function decideLabel(p: Prediction): RelationLabel {
  return p.label !== 'NONE' && p.probability >= MIN_RELATION_PROBABILITY ? p.label : 'NONE';
}

/** Relation types whose `from` must be a person. */
const PERSON_FROM: ReadonlySet<RelationLabel> = new Set(['EMPLOYED_BY', 'FORMERLY_AT', 'EDUCATED_AT', 'HEADS']);

/**
 * What the graph model allows between two entity types: CITES only from the article, everything else only between
 * entities; a person's roles only from a person; nothing is located in a person. The classifier's probabilities are
 * taken among these labels only.
 */
export function allowedLabels(from: EntityType | null, to: EntityType): (label: RelationLabel) => boolean {
  return (label) => {
    if (label === 'NONE') return true;
    if (from === null) return label === 'CITES';
    if (label === 'CITES') return false;
    if (PERSON_FROM.has(label) && from !== 'Person') return false;
    if (label === 'LOCATED_IN' && to === 'Person') return false;
    // A place does nothing: it is only ever the `to` of LOCATED_IN, or a place part of or in another place (in the
    // corpus, 1 of 1,401 pairs from a place to anything else holds a relation).
    if (from === 'Place' && to !== 'Place') return false;
    if (to === 'Place' && label !== 'LOCATED_IN' && label !== 'PART_OF') return false;
    return true;
  };
}

/**
 * Ends further apart than this many tokens are not classified (answered NONE): in the corpus 1.3% of the relations
 * lie further apart, while long list sentences make most of the pairs there, and extraction pays for every pair.
 */
export const MAX_PAIR_GAP = 25;

const masks = new Map<string, readonly boolean[]>();

/** allowedLabels as a list over the model's labels, built once per pair of types. */
export function allowedMask(
  labels: readonly RelationLabel[],
  from: EntityType | null,
  to: EntityType,
): readonly boolean[] {
  const key = `${from}>${to}`;
  let mask = masks.get(key);
  if (!mask || mask.length !== labels.length) {
    const allowed = allowedLabels(from, to);
    masks.set(key, (mask = labels.map(allowed)));
  }
  return mask;
}

/** The answer for pairs that are not read: too far apart, or of types no relation joins. */
const FAR: Prediction = { label: 'NONE', probability: 1, bestType: 'LOCATED_IN', bestTypeProbability: 0 };

/** The classifier's answer for one pair, among the labels the two types allow. */
export function classifyPair(
  model: RelationModel,
  sentence: PairSentence,
  lower: readonly string[],
  from: PairEnd | null,
  to: PairEnd,
): Prediction {
  if (from && Math.max(from.start, to.start) - Math.min(from.end, to.end) > MAX_PAIR_GAP) return FAR;
  const allowed = allowedMask(model.labels, from?.type ?? null, to.type);
  // Nothing but NONE can be answered: no need to read the pair.
  if (!allowed.some((ok, i) => ok && i > 0)) return FAR;
  return model.predict((sink) => pairFeatures(sentence, lower, from, to, sink), allowed);
}

/** Entity i of a corpus sentence as a pair end. */
export function endOf(s: CorpusSentence, i: number): PairEnd {
  const e = s.entities[i];
  return { start: e.start, end: e.end, type: e.type as EntityType };
}

/** A corpus sentence in the classifier's view: its real entities (Other spans are no ends). */
export function pairSentence(s: CorpusSentence): PairSentence {
  return {
    tokens: s.tokens,
    ends: s.entities
      .filter((e) => e.type !== 'Other')
      .map((e) => ({ start: e.start, end: e.end, type: e.type as EntityType })),
  };
}

/** Each candidate pair with its features (sentences lowercased once). */
export function pairInputs(pairs: readonly CandidatePair[]): { pair: CandidatePair; features: string[] }[] {
  const views = new Map<CorpusSentence, { view: PairSentence; lower: string[] }>();
  return pairs.map((pair) => {
    let v = views.get(pair.sentence);
    if (!v)
      views.set(pair.sentence, (v = { view: pairSentence(pair.sentence), lower: lowerTokens(pair.sentence.tokens) }));
    const from = pair.from === 'ARTICLE' ? null : endOf(pair.sentence, pair.from);
    return { pair, features: pairFeatureNames(v.view, v.lower, from, endOf(pair.sentence, pair.to)) };
  });
}

export interface TypeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

export interface PairScores {
  readonly byType: Readonly<Record<string, TypeScore>>;
  readonly micro: TypeScore;
  /** Confusions (gold -> predicted) with counts, for reading the errors. */
  readonly confusions: readonly [string, number][];
}

function typeScore(correct: number, predicted: number, gold: number): TypeScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    gold,
    predicted,
    correct,
  };
}

/**
 * Scores the classifier on corpus sentences. A relation counts once: a symmetric one once per unordered pair, and an
 * entity named twice in a sentence once per entity pair (article sentences name the entity behind each span).
 * CO_MENTIONED is not a label, so it is never scored.
 */
export function scorePairs(
  model: RelationModel,
  sentences: readonly CorpusSentence[],
  decide: (p: Prediction) => RelationLabel = decideLabel,
): PairScores {
  const gold = new Map<string, number>();
  const predicted = new Map<string, number>();
  const correct = new Map<string, number>();
  const confusions = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of sentences) {
    const view = pairSentence(s);
    const lower = lowerTokens(s.tokens);
    const name = (i: number | 'ARTICLE') => (i === 'ARTICLE' ? 'ARTICLE' : (s.entities[i].entity ?? `#${i}`));
    const key = (from: number | 'ARTICLE', type: string, to: number) => {
      const [a, b] = [name(from), name(to)];
      return SYMMETRIC_RELATION_TYPES.has(type as RelationType) && b < a ? `${b}|${type}|${a}` : `${a}|${type}|${b}`;
    };
    const goldKeys = new Map<string, string>();
    const predKeys = new Map<string, string>();
    const pairGold = new Map<string, string>();
    for (const pair of candidatePairs(s)) {
      const from = pair.from === 'ARTICLE' ? null : endOf(s, pair.from);
      const label = decide(classifyPair(model, view, lower, from, endOf(s, pair.to)));
      if (pair.label !== 'NONE') goldKeys.set(key(pair.from, pair.label, pair.to), pair.label);
      if (label !== 'NONE') predKeys.set(key(pair.from, label, pair.to), label);
      pairGold.set(`${name(pair.from)}>${name(pair.to)}`, pair.label);
      if (label !== pair.label) bump(confusions, `${pair.label} -> ${label}`);
    }
    for (const t of goldKeys.values()) bump(gold, t);
    for (const [k, t] of predKeys) {
      bump(predicted, t);
      if (goldKeys.has(k)) bump(correct, t);
    }
  }
  const types = [...new Set([...gold.keys(), ...predicted.keys()])].sort();
  const byType: Record<string, TypeScore> = {};
  let c = 0;
  let p = 0;
  let g = 0;
  for (const t of types) {
    byType[t] = typeScore(correct.get(t) ?? 0, predicted.get(t) ?? 0, gold.get(t) ?? 0);
    c += correct.get(t) ?? 0;
    p += predicted.get(t) ?? 0;
    g += gold.get(t) ?? 0;
  }
  return { byType, micro: typeScore(c, p, g), confusions: [...confusions].sort((a, b) => b[1] - a[1]) };
}
