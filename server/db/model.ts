// The fixed vocabulary of the graph: labels and relationship types. Anything dynamic in Cypher (a label to
// filter by, a relationship type to merge) must be one of these; user strings are checked against them.
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../ingest/types.ts';

export const NODE_LABELS = [...ENTITY_TYPES, 'Event', 'Article'] as const;
export type NodeLabel = EntityType | 'Event' | 'Article';

/** Relationship types written by the loader besides the extracted relations. */
export const STRUCTURAL_RELATIONSHIP_TYPES = ['MENTIONS', 'REPORTS', 'PARTICIPATES_IN'] as const;

/** Every relationship type the graph can hold. */
export const RELATIONSHIP_TYPES: readonly string[] = [...STRUCTURAL_RELATIONSHIP_TYPES, ...RELATION_TYPES];

/** Relations without a direction: stored once per pair (smaller id first) and matched either way. */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set<RelationType>([
  'PARTNERS_WITH', 'TRADES_WITH', 'MEETS', 'CO_MENTIONED',
]);

/** Relationship property keys that hold provenance; every other key is a plain relation property. */
export const PROVENANCE_KEYS = ['articleIds', 'evidence', 'confidence'] as const;

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): boolean {
  return RELATIONSHIP_TYPES.includes(value);
}

/** The one type label of a node (its labels minus the shared `Entity` label). */
export function primaryLabel(labels: readonly string[]): string {
  return labels.find((label) => label !== 'Entity') ?? labels[0] ?? 'Unknown';
}
