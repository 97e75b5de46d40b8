// Rewrites entity ids that mergeEntities folded into another entity, so merges survive later articles.
import type { ArticleGraph } from '../../model.ts';

/** The graph with every merged-away entity id replaced by its keeper's (duplicates are folded by the batch). */
export function applyRedirects(graph: ArticleGraph, redirects: ReadonlyMap<string, string>): ArticleGraph {
  if (redirects.size === 0) return graph;
  const to = (id: string) => redirects.get(id) ?? id;
  return {
    ...graph,
    entities: graph.entities.map((e) => (redirects.has(e.id) ? { ...e, id: to(e.id) } : e)),
    relations: graph.relations.map((r) => ({ ...r, fromId: to(r.fromId), toId: to(r.toId) })),
    events: graph.events.map((ev) => ({
      ...ev,
      participants: ev.participants.map((p) => ({ ...p, entityId: to(p.entityId) })),
    })),
  };
}
