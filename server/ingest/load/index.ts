// load: writes one extracted article into the graph in one transaction and says what changed.
import type { ArticleGraph, LoadSummary } from '../types.ts';
import type { ArticleRepository, EntityRepository, WriteOptions } from '../../db/index.ts';
import { buildArticleBatch } from './batch.ts';
import { applyRedirects } from './redirect.ts';

export { buildArticleBatch, isoDateOrNull } from './batch.ts';
export { applyRedirects } from './redirect.ts';
export type LoadOptions = WriteOptions;

export interface LoadTarget {
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
}

export async function loadArticleGraph(target: LoadTarget, graph: ArticleGraph, options: LoadOptions = {}): Promise<LoadSummary> {
  // Ids merged away by mergeEntities point at their keeper, so a merge is not undone by the next article.
  const redirects = await target.entities.redirects(graph.entities.map((e) => e.id));
  const outcome = await target.articles.write(buildArticleBatch(applyRedirects(graph, redirects)), options);
  return {
    articleId: outcome.articleId,
    title: outcome.title,
    status: outcome.status,
    entitiesCreated: outcome.entitiesCreated,
    entitiesMerged: outcome.entitiesMerged,
    relationsCreated: outcome.relationsCreated,
    relationsMerged: outcome.relationsMerged,
    eventsCreated: outcome.eventsCreated,
    eventsMerged: outcome.eventsMerged,
    createdNodeIds: outcome.createdNodeIds,
    mergedNodeIds: outcome.mergedNodeIds,
  };
}
