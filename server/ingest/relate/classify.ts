// The learned relation layer: every pair of entities named in a sentence (and the article -> each, for CITES) is
// classified; a typed answer becomes a relation, NONE leaves the pair to CO_MENTIONED with the classifier's score.
import type { RelationType } from '../../model.ts';
import { isPersonTitle } from '../../nlp/danish.ts';
import { CUE_GROUPS } from '../../nlp/relations/cues.ts';
import type { PairEnd, PairSentence } from '../../nlp/relations/features.ts';
import { lowerTokens } from '../../nlp/relations/features.ts';
import type { RelationModel } from '../../nlp/relations/model.ts';
import { classifyPair, decideLabel } from '../../nlp/relations/score.ts';
import { type ArticleContext, isPublisher, type SentenceContext, type Slot } from './context.ts';
import { ARTICLE, type RelationSink } from './relations.ts';

/** Sentences naming more entities than this are lists (results, line-ups): only the first ones are paired. */
const MAX_ENTITIES_PER_SENTENCE = 12;

/** What the classifier said about pairs it left untyped: the best relation type's probability, by "from|to" id. */
export type CoMentionScores = Map<string, number>;

/** Token index range of a character span in the sentence's tokens. */
function tokenSpan(s: SentenceContext, slot: Slot): { start: number; end: number } | null {
  const start = s.tokens.findIndex((t) => t.end > slot.start);
  if (start < 0) return null;
  let end = start;
  while (end < s.tokens.length && s.tokens[end].start < slot.end) end++;
  return end > start ? { start, end } : null;
}

/** A role title written next to the person: "topchef Lars Hansen", "Lars Hansen, direktør i …". */
function titleNextTo(s: SentenceContext, span: { start: number; end: number }): string | null {
  const before = s.tokens[span.start - 1]?.text;
  if (before && isPersonTitle(before)) return before;
  if (s.tokens[span.end]?.text === ',') {
    const after = s.tokens[span.end + 1]?.text;
    if (after && isPersonTitle(after)) return after;
  }
  return null;
}

const TITLED: ReadonlySet<RelationType> = new Set(['EMPLOYED_BY', 'HEADS', 'FORMERLY_AT']);

/**
 * Words of working together (the classifier's partner cues and a few more). A partnership the classifier reads in a sentence with none of them is two names listed
 * side by side ("hans hjemlande Indien, Pakistan og Storbritannien"), which it takes for partners.
 */
const PARTNER_CUE = new RegExp(
  [
    ...CUE_GROUPS.partner,
    ...['konsorti', 'allian', 'sammen om', 'indgå', 'fælles', 'forlig', 'fusion', 'side om side', 'støtte'],
    ...['projekt', 'makker', 'koalition', 'venskab'],
  ].join('|'),
  'u',
);

/**
 * Adds the classifier's typed relations to the sink for pairs the precise rules left untyped in that sentence,
 * and returns, for the pairs it leaves untyped, the best type's probability (the explorer ranks co-mentions by it).
 */
export function classifyRelations(ctx: ArticleContext, sink: RelationSink, model: RelationModel): CoMentionScores {
  const scores: CoMentionScores = new Map();
  const keep = (from: string, to: string, p: number) => {
    const key = from < to ? `${from}|${to}` : `${to}|${from}`;
    if ((scores.get(key) ?? -1) < p) scores.set(key, p);
  };
  for (const s of ctx.sentences) {
    const named: { slot: Slot; span: { start: number; end: number }; end: PairEnd }[] = [];
    for (const slot of s.slots) {
      const span = tokenSpan(s, slot);
      if (span) named.push({ slot, span, end: { start: span.start, end: span.end, type: slot.entity.type } });
      if (named.length >= MAX_ENTITIES_PER_SENTENCE) break;
    }
    if (named.length === 0) continue;
    // The sentence's distinct entities by index, so the pair loop below asks matrices, not sets of joined ids.
    const ids: string[] = [];
    const entityOf = named.map(({ slot }) => {
      const k = ids.indexOf(slot.id);
      return k >= 0 ? k : ids.push(slot.id) - 1;
    });
    const k = ids.length;
    /** Entity pairs the rules or the classifier already typed in this sentence (both orders). */
    const typedHere = new Uint8Array(k * k);
    for (const r of sink.bySentence.get(s.sentence.index) ?? []) {
      const i = ids.indexOf(r.fromId);
      const j = ids.indexOf(r.toId);
      if (i >= 0 && j >= 0) typedHere[i * k + j] = typedHere[j * k + i] = 1;
    }
    /** Pairs a rule read as no typed relation: not classified, left co-mentioned. */
    const ruledOut = sink.ruledOut.get(s.sentence.index);
    /** Per unordered entity pair left untyped: the best relation type's highest probability (-1: none yet). */
    const untyped = new Float64Array(k * k).fill(-1);
    const view: PairSentence = { tokens: s.tokens.map((t) => t.text), ends: named.map((n) => n.end) };
    const lower = lowerTokens(view.tokens);

    // Tested when the classifier first answers PARTNERS_WITH in the sentence.
    let partnerCue: boolean | undefined;
    const cited = new Set(
      (sink.bySentence.get(s.sentence.index) ?? []).filter((r) => r.type === 'CITES').map((r) => r.toId),
    );
    for (const b of named) {
      // The graph's CITES points at media (DESIGN.md: "Det skriver Bloomberg", "ifølge Reuters"); a company speaking
      // for itself is no citation, and the publication's own reporting neither.
      if (cited.has(b.slot.id) || !b.slot.entity.media || isPublisher(ctx, b.slot.entity)) continue;
      const p = classifyPair(model, view, lower, null, b.end);
      if (decideLabel(p) === 'CITES') {
        sink.add(ARTICLE, 'CITES', b.slot.id, s, round(p.probability));
        cited.add(b.slot.id);
      }
    }
    for (let x = 0; x < named.length; x++) {
      const a = named[x];
      const ea = entityOf[x];
      for (let y = 0; y < named.length; y++) {
        const b = named[y];
        const eb = entityOf[y];
        if (ea === eb || typedHere[ea * k + eb] || ruledOut?.has(`${ids[ea]}|${ids[eb]}`)) continue;
        const p = classifyPair(model, view, lower, a.end, b.end);
        const decided = decideLabel(p);
        // A court rules on a party (REGULATES); the graph keeps SANCTIONS for states and authorities.
        const label =
          decided === 'SANCTIONS' && a.slot.entity.court
            ? 'REGULATES'
            : decided === 'PARTNERS_WITH' && !(partnerCue ??= PARTNER_CUE.test(s.lower))
              ? 'NONE'
              : decided;
        if (label !== 'NONE') {
          const title = TITLED.has(label) ? titleNextTo(s, a.span) : null;
          sink.add(a.slot.id, label, b.slot.id, s, round(p.probability), title ? { title } : {});
          typedHere[ea * k + eb] = typedHere[eb * k + ea] = 1;
        } else {
          const at = Math.min(ea, eb) * k + Math.max(ea, eb);
          if (untyped[at] < p.bestTypeProbability) untyped[at] = p.bestTypeProbability;
        }
      }
    }
    for (let i = 0; i < k; i++)
      for (let j = i + 1; j < k; j++) if (untyped[i * k + j] >= 0) keep(ids[i], ids[j], untyped[i * k + j]);
  }
  return scores;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
