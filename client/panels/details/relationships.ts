// Pure shaping of a node's neighbourhood into relationship rows grouped by type (unit-tested).
import type { EdgeEvidence, GraphEdge, GraphNode, Subgraph } from '../../api/types.ts';

export interface Relationship {
  edge: GraphEdge;
  other: GraphNode;
  /** 'out' when the selected node is the edge's source. */
  direction: 'out' | 'in';
  evidence?: EdgeEvidence;
}

export interface RelationshipGroup {
  type: string;
  rows: Relationship[];
}

/** Edge types whose evidence is not a sentence (an article mentions an entity): not fetched. */
export const NO_SENTENCE_TYPES: ReadonlySet<string> = new Set(['MENTIONS']);

/** The node's own edges from a neighbourhood result, with the node at the other end. */
export function relationshipsOf(nodeId: string, sub: Pick<Subgraph, 'nodes' | 'edges'>): Relationship[] {
  const nodes = new Map(sub.nodes.map((n) => [n.id, n]));
  const rows: Relationship[] = [];
  for (const edge of sub.edges) {
    const out = edge.source === nodeId;
    if (!out && edge.target !== nodeId) continue;
    const other = nodes.get(out ? edge.target : edge.source);
    if (other) rows.push({ edge, other, direction: out ? 'out' : 'in' });
  }
  return rows;
}

/** Groups by relation type: typed relations first (by how well supported), co-mentions and mentions last. */
export function groupRelationships(rows: readonly Relationship[]): RelationshipGroup[] {
  const groups = new Map<string, Relationship[]>();
  for (const row of rows) {
    const list = groups.get(row.edge.type);
    if (list) list.push(row);
    else groups.set(row.edge.type, [row]);
  }
  const weak = (type: string) => (type === 'MENTIONS' ? 2 : type === 'CO_MENTIONED' ? 1 : 0);
  const support = (list: Relationship[]) => list.reduce((s, r) => s + r.edge.support, 0);
  return [...groups.entries()]
    .map(([type, list]) => ({ type, rows: [...list].sort((a, b) => b.edge.support - a.edge.support || a.other.name.localeCompare(b.other.name)) }))
    .sort((a, b) => weak(a.type) - weak(b.type) || support(b.rows) - support(a.rows) || a.type.localeCompare(b.type));
}
