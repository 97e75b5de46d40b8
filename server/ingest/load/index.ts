// load: writes one extracted article into the graph in one transaction and says what changed.

import type { ArticleRepository, EntityRepository, WriteOptions } from '../../db/index.ts';
import type { ArticleGraph, LoadSummary } from '../../model.ts';
import { buildArticleBatch } from './batch.ts';
import { applyRedirects } from './redirect.ts';

export { unchangedSummary } from '../../model.ts';
export { buildArticleBatch, isoDateOrNull } from './batch.ts';
export {
  ALL_KNOWN_ENTITIES_MAX,
  findArticleByUrl,
  findLoadedArticle,
  KNOWN_ENTITIES_PER_ARTICLE,
  knownEntitiesFor,
} from './lookup.ts';
export { applyRedirects } from './redirect.ts';
export type LoadOptions = WriteOptions;

export interface LoadTarget {
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
}

export async function loadArticleGraph(
  target: LoadTarget,
  graph: ArticleGraph,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  // Ids merged away by mergeEntities point at their keeper, so a merge is not undone by the next article.
  const redirects = await target.entities.redirects(graph.entities.map((e) => e.id));
  const outcome = await target.articles.write(buildArticleBatch(applyRedirects(graph, redirects)), options);
  // The load summary, without the repository's extra field (`replaced`).
  const { replaced: _replaced, ...summary } = outcome;
  return summary;
}
