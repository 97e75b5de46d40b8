// load: writes one extracted article into the graph in one transaction and says what changed.
import type { ArticleGraph, LoadSummary } from '../types.ts';
import type { ArticleRepository, WriteOptions } from '../../db/index.ts';
import { buildArticleBatch } from './batch.ts';

export { buildArticleBatch, isoDateOrNull } from './batch.ts';
export type LoadOptions = WriteOptions;

export async function loadArticleGraph(articles: ArticleRepository, graph: ArticleGraph, options: LoadOptions = {}): Promise<LoadSummary> {
  const outcome = await articles.write(buildArticleBatch(graph), options);
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
