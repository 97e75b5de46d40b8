// Decides, without touching the database, what merging one entity into another does to each relationship.
import { type RelationType, SYMMETRIC_RELATION_TYPES, withRelatedMark } from '../model.ts';

/** A relationship of an entity, as entity-relationships.cypher returns it. */
export interface EntityRelationship {
  readonly relId: string;
  readonly type: string;
  /** True when the entity is the start node. */
  readonly outgoing: boolean;
  readonly otherElementId: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface MergePlan {
  /** Relationships of the kept entity whose properties absorb a duplicate's provenance. */
  readonly updates: { relId: string; properties: Record<string, unknown> }[];
  /** Duplicates (absorbed into an update) and self-loops the merge would create. */
  readonly deletes: string[];
  /** Relationships to move onto the kept entity, by which end the merged-away entity is. */
  readonly repointStart: string[];
  readonly repointEnd: string[];
  /** For each duplicate in `deletes`, the kept relationship that absorbed it (self-loops have none). */
  readonly absorbedInto: Map<string, string>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function union(a: unknown, b: unknown): string[] {
  return [...new Set([...stringList(a), ...stringList(b)])];
}

/**
 * Combines two relationships' properties: provenance lists are unioned, confidence is the max, MENTIONS
 * counts add up, a co-mention's weight is recounted from its evidence, the "Læs også" mark stays only if both carry
 * it (withRelatedMark), and other properties keep the kept relationship's value when it has one.
 */
export function combineProperties(
  type: string,
  kept: Readonly<Record<string, unknown>>,
  absorbed: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const combined: Record<string, unknown> = { ...absorbed, ...stripNulls(kept) };
  if ('articleIds' in kept || 'articleIds' in absorbed)
    combined.articleIds = union(kept.articleIds, absorbed.articleIds);
  if ('evidence' in kept || 'evidence' in absorbed) combined.evidence = union(kept.evidence, absorbed.evidence);
  const confidences = [kept.confidence, absorbed.confidence].filter((c): c is number => typeof c === 'number');
  if (confidences.length > 0) combined.confidence = Math.max(...confidences);
  if (type === 'MENTIONS') combined.count = Number(kept.count ?? 0) + Number(absorbed.count ?? 0);
  if (type === 'CO_MENTIONED') combined.weight = (combined.evidence as string[] | undefined)?.length ?? 0;
  const marked = withRelatedMark(combined, kept, absorbed);
  // The kept relationship's properties are added to (relationships-update-provenance.cypher): a mark that goes is
  // written as null, which removes it.
  return 'section' in kept && !('section' in marked) ? { ...marked, section: null } : marked;
}

function stripNulls(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

export function sameRelation(a: EntityRelationship, b: EntityRelationship): boolean {
  if (a.type !== b.type || a.otherElementId !== b.otherElementId) return false;
  const symmetric = SYMMETRIC_RELATION_TYPES.has(a.type as RelationType);
  if (!symmetric && a.outgoing !== b.outgoing) return false;
  // An entity may be both agent and target of one event: those are two facts, not duplicates.
  if (a.type === 'PARTICIPATES_IN' && a.properties.role !== b.properties.role) return false;
  return true;
}

/**
 * Plans moving every relationship of `gone` onto `keep`. A relationship that `keep` already has (same type,
 * same other node, same direction unless symmetric) is absorbed into keep's; a relationship between the two
 * would become a self-loop and is dropped; everything else is re-pointed.
 */
export function planMerge(
  keepElementId: string,
  goneElementId: string,
  keepRelationships: readonly EntityRelationship[],
  goneRelationships: readonly EntityRelationship[],
): MergePlan {
  const plan: MergePlan = { updates: [], deletes: [], repointStart: [], repointEnd: [], absorbedInto: new Map() };
  const updated = new Map<string, { relId: string; properties: Record<string, unknown> }>();
  for (const rel of goneRelationships) {
    if (rel.otherElementId === keepElementId || rel.otherElementId === goneElementId) {
      if (!plan.deletes.includes(rel.relId)) plan.deletes.push(rel.relId);
      continue;
    }
    const twin = keepRelationships.find((k) => sameRelation(k, rel));
    if (twin) {
      const current = updated.get(twin.relId)?.properties ?? twin.properties;
      updated.set(twin.relId, { relId: twin.relId, properties: combineProperties(rel.type, current, rel.properties) });
      plan.deletes.push(rel.relId);
      plan.absorbedInto.set(rel.relId, twin.relId);
    } else if (rel.outgoing) {
      plan.repointStart.push(rel.relId);
    } else {
      plan.repointEnd.push(rel.relId);
    }
  }
  plan.updates.push(...updated.values());
  return plan;
}
