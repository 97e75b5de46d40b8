// What mergeEntities remembers so splitEntity can undo it, and the pure rules that undo it (no database here).
import { ENTITY_TYPES, type EntityType } from '../model.ts';

/**
 * Properties as stored in Neo4j. JSON cannot tell the INTEGER 3 from the FLOAT 3.0, so the keys holding integers
 * (or lists of integers) are listed: a restored property gets back its exact Cypher type.
 */
export interface StoredProperties {
  readonly values: Readonly<Record<string, unknown>>;
  readonly intKeys: readonly string[];
}

/** Which node is at the other end of a relationship: enough to find it again by its unique id. */
export type OtherLabel = 'Article' | 'Event' | 'Entity';

/** One relationship of an absorbed entity, as it was just before the merge. */
export interface RecordedRelationship {
  readonly type: string;
  /** True when the absorbed entity was the start node. */
  readonly outgoing: boolean;
  readonly otherId: string;
  readonly otherLabel: OtherLabel;
  readonly properties: StoredProperties;
  /**
   * moved: re-pointed onto the kept entity as it was; absorbed: folded into the kept entity's twin relationship
   * (see RecordedTwin); dropped: it joined the two merged entities (or was a self-loop) and was deleted.
   */
  readonly fate: 'moved' | 'absorbed' | 'dropped';
}

/** A relationship of the kept entity that absorbed duplicates: its properties before and right after the merge. */
export interface RecordedTwin {
  readonly type: string;
  readonly outgoing: boolean;
  readonly otherId: string;
  readonly role: string | null;
  readonly before: StoredProperties;
  readonly after: StoredProperties;
}

/** One absorbed entity: the node as it was, its relationships, and what folding it in did to the kept entity. */
export interface MergeStep {
  readonly labels: readonly string[];
  /** Every property of the absorbed node, its own `mergeRecords` included (so nested merges come back too). */
  readonly properties: StoredProperties;
  readonly relationships: readonly RecordedRelationship[];
  readonly twins: readonly RecordedTwin[];
  /** The kept entity's properties (without `mergeRecords`) before and after this step. */
  readonly keptBefore: StoredProperties;
  readonly keptAfter: StoredProperties;
}

/** What one mergeEntities call did; stored as JSON in the kept entity's `mergeRecords` list, newest last. */
export interface MergeRecord {
  readonly version: 1;
  readonly mergeId: string;
  readonly mergedAt: string;
  readonly keptId: string;
  /** In the order they were folded in; a split undoes them in reverse. */
  readonly steps: readonly MergeStep[];
}

/** The property of the kept entity that holds its merge records. */
export const MERGE_RECORDS_PROPERTY = 'mergeRecords';

export function parseMergeRecords(value: unknown): MergeRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map((text) => JSON.parse(String(text)) as MergeRecord);
}

/** The type label of a recorded entity, checked against the model (labels are never taken from stored text as is). */
export function entityTypeOf(labels: readonly string[]): EntityType {
  const type = labels.find((label): label is EntityType => (ENTITY_TYPES as readonly string[]).includes(label));
  if (!type) throw new Error(`merge record has no entity type among labels ${labels.join(', ')}`);
  return type;
}

/** The relationship key a split looks for on the kept entity: type, direction, other end, and an event role. */
export function relationshipKey(type: string, outgoing: boolean, otherId: string, role: unknown): string {
  return JSON.stringify([type, outgoing, otherId, type === 'PARTICIPATES_IN' ? (role ?? null) : null]);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Numbers that merging adds up (kept + absorbed), so a split subtracts what the absorbed side brought. */
const SUMMED_KEYS = new Set(['count', 'mentionCount']);

/**
 * Undoes one merge on properties that may have changed since: `before` and `after` are the kept side's properties
 * around the merge, `current` what they are now. A property untouched since the merge goes back to `before`. One
 * that later loads changed keeps those changes: lists lose only the items the merge added, summed counts lose what
 * the absorbed side added, anything else stays as it is now. Returns the properties to write: `null` removes one.
 */
export function unmergeProperties(
  before: StoredProperties,
  after: StoredProperties,
  current: StoredProperties,
): { values: Record<string, unknown>; intKeys: string[] } {
  const values: Record<string, unknown> = {};
  const intKeys = new Set<string>();
  const keys = new Set([...Object.keys(before.values), ...Object.keys(after.values), ...Object.keys(current.values)]);
  for (const key of keys) {
    const b = before.values[key];
    const a = after.values[key];
    const c = current.values[key];
    let next: unknown;
    let from: StoredProperties = current;
    if (sameValue(c, a)) {
      next = b;
      from = before;
    } else if (a === undefined || a === null) {
      next = c;
    } else if (Array.isArray(c) && Array.isArray(a)) {
      const added = a.filter((item) => !(Array.isArray(b) && b.some((x) => sameValue(x, item))));
      next = c.filter((item) => !added.some((x) => sameValue(x, item)));
      // A list the merge created goes away again when nothing else was added to it since.
      if ((next as unknown[]).length === 0 && b === undefined) next = null;
    } else if (SUMMED_KEYS.has(key) && typeof c === 'number' && typeof a === 'number') {
      next = c - (a - (typeof b === 'number' ? b : 0));
    } else {
      next = c;
    }
    values[key] = next ?? null;
    if (next !== undefined && next !== null && from.intKeys.includes(key)) intKeys.add(key);
  }
  // A co-mention's weight is the number of sentences naming both: recount it when the evidence changed.
  if (
    Array.isArray(values.evidence) &&
    typeof values.weight === 'number' &&
    !sameValue(current.values.weight, after.values.weight)
  )
    values.weight = values.evidence.length;
  return { values, intKeys: [...intKeys] };
}

/** Joined aliases for the full-text index, as load-entities.cypher writes them. */
export function aliasText(aliases: readonly string[]): string {
  return aliases.join(' | ');
}
