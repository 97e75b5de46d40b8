// Turns driver values (Integer, temporal types, nodes, relationships) into plain JSON-able values.
import neo4j from 'neo4j-driver';

/** A node as repositories see it: its stable `id` lives in `properties`. */
export interface PlainNode {
  readonly elementId: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface PlainRelationship {
  readonly elementId: string;
  readonly type: string;
  readonly startNodeElementId: string;
  readonly endNodeElementId: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Converts recursively. Integers become numbers (counts here never exceed 2^53), temporal values become
 * their ISO strings ("2025-10-01"), nodes and relationships become PlainNode / PlainRelationship.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value)) {
    const node = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return {
      elementId: node.elementId,
      labels: node.labels,
      properties: plainObject(node.properties),
    } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value)) {
    const rel = value as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      elementId: rel.elementId,
      type: rel.type,
      startNodeElementId: rel.startNodeElementId,
      endNodeElementId: rel.endNodeElementId,
      properties: plainObject(rel.properties),
    } satisfies PlainRelationship;
  }
  return plainObject(value as Record<string, unknown>);
}

function plainObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) out[key] = toPlain(v);
  return out;
}

/**
 * A JS number sent as a Cypher INTEGER. The driver sends every JS number as FLOAT, which LIMIT rejects
 * and which would store counts as 3.0; every integer parameter goes through this.
 */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}
