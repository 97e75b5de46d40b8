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

/** Groups by relation type: typed relations first (by how well supported), then events, co-mentions, mentions. */
export function groupRelationships(rows: readonly Relationship[]): RelationshipGroup[] {
  const groups = new Map<string, Relationship[]>();
  for (const row of rows) {
    const list = groups.get(row.edge.type);
    if (list) list.push(row);
    else groups.set(row.edge.type, [row]);
  }
  // Typed relations between entities say the most; event participation, co-mentions and mentions follow.
  const weak = (type: string) =>
    ({ PARTICIPATES_IN: 1, REPORTS: 1, CITES: 1, CO_MENTIONED: 2, MENTIONS: 3 })[type] ?? 0;
  const support = (list: Relationship[]) => list.reduce((s, r) => s + r.edge.support, 0);
  return [...groups.entries()]
    .map(([type, list]) => ({
      type,
      rows: [...list].sort((a, b) => b.edge.support - a.edge.support || a.other.name.localeCompare(b.other.name)),
    }))
    .sort((a, b) => weak(a.type) - weak(b.type) || support(b.rows) - support(a.rows) || a.type.localeCompare(b.type));
}

/** Groups shown collapsed at first: long lists of weak links would push the typed relations out of sight. */
export function startsCollapsed(group: RelationshipGroup): boolean {
  if (group.type === 'MENTIONS' || group.type === 'CO_MENTIONED') return true;
  return group.type === 'PARTICIPATES_IN' && group.rows.length > 5;
}

/** The same sentence from the same article listed once, whatever the server repeats. */
export function uniqueEvidence<T extends { sentence: string; articleId: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.articleId}\u0000${item.sentence.replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
