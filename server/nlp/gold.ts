// Scores an extracted graph against a gold graph (../shared/gold): entity, relation and event precision/recall by the README's name rules.
import type { ArticleGraph } from '../model.ts';
import { matchKeys, normaliseName } from './names.ts';

export interface GoldEntity {
  readonly name: string;
  readonly type: string;
  readonly aliases?: readonly string[];
  readonly section?: string;
}
export interface GoldRelation {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly evidence?: string;
  readonly props?: Record<string, unknown>;
}
export interface GoldEvent {
  readonly kind: string;
  readonly summary?: string;
  readonly date?: string | null;
  readonly participants: readonly { name: string; role: string }[];
  readonly evidence?: string;
}
export interface GoldGraph {
  readonly article: string;
  readonly title?: string;
  readonly entities: readonly GoldEntity[];
  readonly relations: readonly GoldRelation[];
  readonly events: readonly GoldEvent[];
}

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly counts: Counts;
}

export interface ArticleScore {
  readonly article: string;
  readonly entitiesTyped: Prf;
  readonly entitiesUntyped: Prf;
  readonly relations: Prf;
  /** Gold events found: same kind and at least one participant in common (any role). */
  readonly eventRecall: Prf;
  /** What was missed or extra, for reading the score. */
  readonly misses: {
    readonly entities: string[];
    readonly extraEntities: string[];
    readonly relations: string[];
    readonly extraRelations: string[];
    readonly events: string[];
  };
}

export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? (c.gold === 0 ? 1 : 0) : c.tp / c.predicted;
  const recall = c.gold === 0 ? 1 : c.tp / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, counts: { ...c } };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

/** All comparison keys of a name and its aliases (case-insensitive, genitive and legal suffix removed). */
function keysOf(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) for (const k of matchKeys(n)) if (k) out.add(k);
  return out;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

interface Named {
  readonly keys: Set<string>;
  readonly type: string;
  readonly label: string;
}

/** One-to-one greedy matching of predicted to gold entities; returns gold index -> predicted index. */
function alignEntities(gold: readonly Named[], predicted: readonly Named[], typed: boolean): Map<number, number> {
  const used = new Set<number>();
  const out = new Map<number, number>();
  // Exact name matches first, so an alias overlap never steals a better partner.
  for (const pass of [0, 1]) {
    gold.forEach((g, gi) => {
      if (out.has(gi)) return;
      const pi = predicted.findIndex(
        (p, i) =>
          !used.has(i) &&
          (!typed || p.type === g.type) &&
          (pass === 0 ? [...g.keys][0] === [...p.keys][0] : intersects(g.keys, p.keys)),
      );
      if (pi >= 0) {
        used.add(pi);
        out.set(gi, pi);
      }
    });
  }
  return out;
}

/**
 * Scores one article. Relations are compared as (from, type, to) with names matched through the entity
 * alignment (or directly by name keys); CO_MENTIONED is not a typed relation and is left out; CITES uses "ARTICLE".
 */
export function scoreArticle(gold: GoldGraph, graph: ArticleGraph): ArticleScore {
  const goldEntities: Named[] = gold.entities.map((e) => ({
    keys: keysOf([e.name, ...(e.aliases ?? [])]),
    type: e.type,
    label: `${e.name} (${e.type})`,
  }));
  const predEntities: Named[] = graph.entities.map((e) => ({
    keys: keysOf([e.name, ...e.aliases]),
    type: e.type,
    label: `${e.name} (${e.type})`,
  }));
  const typedAlign = alignEntities(goldEntities, predEntities, true);
  const untypedAlign = alignEntities(goldEntities, predEntities, false);
  const matchedPred = new Set(untypedAlign.values());

  const predIndexById = new Map(graph.entities.map((e, i) => [e.id, i]));
  const goldIndexByKey = new Map<string, number>();
  goldEntities.forEach((g, gi) => {
    for (const k of g.keys) if (!goldIndexByKey.has(k)) goldIndexByKey.set(k, gi);
  });
  const predToGold = new Map<number, number>();
  for (const [gi, pi] of untypedAlign) predToGold.set(pi, gi);

  // A relation endpoint, as a gold entity index when it can be aligned, else its own name key.
  const goldEnd = (name: string): string => {
    if (name === 'ARTICLE') return 'ARTICLE';
    for (const k of matchKeys(name)) {
      const gi = goldIndexByKey.get(k);
      if (gi !== undefined) return `g${gi}`;
    }
    return `n:${normaliseName(name)}`;
  };
  const predEnd = (id: string): string => {
    if (id === 'ARTICLE') return 'ARTICLE';
    const pi = predIndexById.get(id);
    if (pi === undefined) return `id:${id}`;
    const gi = predToGold.get(pi);
    return gi !== undefined ? `g${gi}` : `n:${normaliseName(graph.entities[pi].name)}`;
  };
  const nameOfId = (id: string) =>
    id === 'ARTICLE' ? 'ARTICLE' : (graph.entities[predIndexById.get(id) ?? -1]?.name ?? id);

  const goldRel = new Map<string, string>();
  for (const r of gold.relations)
    goldRel.set(`${goldEnd(r.from)}|${r.type}|${goldEnd(r.to)}`, `${r.from} ${r.type} ${r.to}`);
  const predRel = new Map<string, string>();
  for (const r of graph.relations) {
    if (r.type === 'CO_MENTIONED') continue;
    predRel.set(
      `${predEnd(r.fromId)}|${r.type}|${predEnd(r.toId)}`,
      `${nameOfId(r.fromId)} ${r.type} ${nameOfId(r.toId)}`,
    );
  }
  let relTp = 0;
  for (const k of goldRel.keys()) if (predRel.has(k)) relTp++;

  let eventTp = 0;
  const missedEvents: string[] = [];
  for (const ge of gold.events) {
    const goldParts = new Set(ge.participants.map((p) => goldEnd(p.name)));
    const found = graph.events.some(
      (pe) => pe.kind === ge.kind && pe.participants.some((p) => goldParts.has(predEnd(p.entityId))),
    );
    if (found) eventTp++;
    else missedEvents.push(`${ge.kind}: ${ge.participants.map((p) => p.name).join(', ')}`);
  }

  const typedMatched = new Set(typedAlign.keys());
  return {
    article: gold.article,
    entitiesTyped: prf({ tp: typedAlign.size, predicted: predEntities.length, gold: goldEntities.length }),
    entitiesUntyped: prf({ tp: untypedAlign.size, predicted: predEntities.length, gold: goldEntities.length }),
    relations: prf({ tp: relTp, predicted: predRel.size, gold: goldRel.size }),
    eventRecall: prf({ tp: eventTp, predicted: graph.events.length, gold: gold.events.length }),
    misses: {
      entities: goldEntities.filter((_, gi) => !typedMatched.has(gi)).map((g) => g.label),
      extraEntities: predEntities
        .filter((_, pi) => !matchedPred.has(pi) || ![...typedAlign.values()].includes(pi))
        .map((p) => p.label),
      relations: [...goldRel].filter(([k]) => !predRel.has(k)).map(([, v]) => v),
      extraRelations: [...predRel].filter(([k]) => !goldRel.has(k)).map(([, v]) => v),
      events: missedEvents,
    },
  };
}

export interface OverallScore {
  readonly entitiesTyped: Prf;
  readonly entitiesUntyped: Prf;
  readonly relations: Prf;
  readonly eventRecall: Prf;
}

/** Micro-averaged totals over articles (counts summed, then P/R/F1). */
export function overallScore(scores: readonly ArticleScore[]): OverallScore {
  const sum = (pick: (s: ArticleScore) => Prf) =>
    prf(scores.reduce((acc, s) => addCounts(acc, pick(s).counts), { tp: 0, predicted: 0, gold: 0 }));
  return {
    entitiesTyped: sum((s) => s.entitiesTyped),
    entitiesUntyped: sum((s) => s.entitiesUntyped),
    relations: sum((s) => s.relations),
    eventRecall: sum((s) => s.eventRecall),
  };
}
