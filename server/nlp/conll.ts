// Reads the DaN+ TSV format into tagged sentences and scores entity spans the way conlleval does.

/** The entity types the tagger predicts (DaN+ first level). */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A sentence with one BIO tag per token. */
export interface TaggedSentence {
  readonly tokens: string[];
  readonly tags: string[];
}

/** An entity span over token indexes: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Maps a DaN+ first-level tag to the tagger's tag set. Tags for parts of names and derived words
 * ("B-ORGpart" in "SID-huset", "B-LOCderiv" in "dansk") are not entities of their own, so they become O.
 */
export function normalizeTag(tag: string): string {
  const m = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(tag.trim());
  return m ? `${m[1]}-${m[2]}` : 'O';
}

/**
 * Parses CoNLL/DaN+ text: one token per line, tab-separated columns, a blank line between sentences.
 * `tagColumn` picks the tag column (1 = DaN+ first level); lines without it get "O".
 */
export function parseConll(text: string, tagColumn = 1): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const columns = line.split('\t');
    tokens.push(columns[0]);
    tags.push(normalizeTag(columns[tagColumn] ?? 'O'));
  }
  flush();
  return sentences;
}

/**
 * Turns BIO tags into spans. Like conlleval, an I- tag that does not continue an entity of the same
 * type starts a new one, so a tagger is neither rewarded nor punished for ill-formed sequences.
 */
export function spansFromTags(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let type: string | undefined;
  let start = 0;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const prefix = tag[0];
    const tagType = tag.length > 2 ? tag.slice(2) : undefined;
    const continues = prefix === 'I' && tagType === type;
    if (type !== undefined && !continues) {
      spans.push({ type, start, end: i });
      type = undefined;
    }
    if ((prefix === 'B' || prefix === 'I') && !continues) {
      type = tagType;
      start = i;
    }
  }
  return spans;
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Spans predicted with the right type and exact boundaries. */
  readonly truePositives: number;
  readonly predicted: number;
  readonly gold: number;
}

export interface SpanScores {
  readonly overall: Score;
  readonly byType: Record<string, Score>;
}

function score(truePositives: number, predicted: number, gold: number): Score {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = gold === 0 ? 0 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, gold };
}

/**
 * Exact-span scoring over sentences: a predicted span counts only when a gold span in the same
 * sentence has the same type, start and end. `gold[i]` and `predicted[i]` belong to sentence i.
 */
export function scoreSpans(gold: readonly (readonly Span[])[], predicted: readonly (readonly Span[])[]): SpanScores {
  if (gold.length !== predicted.length) {
    throw new Error(
      `scoreSpans: ${gold.length} gold sentences but ${predicted.length} predicted: pass one span list per sentence for both`,
    );
  }
  const counts = new Map<string, { tp: number; pred: number; gold: number }>();
  const countsFor = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { tp: 0, pred: 0, gold: 0 }));
    return c;
  };
  for (const type of ENTITY_TYPES) countsFor(type);
  for (let s = 0; s < gold.length; s++) {
    const goldKeys = new Set(gold[s].map((g) => `${g.type}:${g.start}:${g.end}`));
    for (const g of gold[s]) countsFor(g.type).gold++;
    for (const p of predicted[s]) {
      const c = countsFor(p.type);
      c.pred++;
      if (goldKeys.has(`${p.type}:${p.start}:${p.end}`)) c.tp++;
    }
  }
  let tp = 0;
  let pred = 0;
  let goldTotal = 0;
  const byType: Record<string, Score> = {};
  for (const [type, c] of counts) {
    byType[type] = score(c.tp, c.pred, c.gold);
    tp += c.tp;
    pred += c.pred;
    goldTotal += c.gold;
  }
  return { overall: score(tp, pred, goldTotal), byType };
}

/** Formats scores as a small table: one line per type, then the overall line. */
export function formatScores(scores: SpanScores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, s: Score) =>
    `${name.padEnd(8)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (gold ${s.gold}, predicted ${s.predicted}, correct ${s.truePositives})`;
  const lines = Object.entries(scores.byType).map(([type, s]) => row(type, s));
  lines.push(row('overall', scores.overall));
  return lines.join('\n');
}
