// What loading needs to know of the graph before extraction finishes: is this text loaded, which entities exist.
import type { ArticleRepository, EntityRepository } from '../../db/index.ts';
import type { KnownEntity } from '../../model.ts';

/**
 * While the graph holds at most this many entities, resolution is handed all of them (one cheap query).
 * Beyond it, a first extraction pass names the article's candidates and only those are looked up, by full-text.
 */
export const ALL_KNOWN_ENTITIES_MAX = 5000;
/** Most graph entities handed to resolution for one article in the look-up path. */
export const KNOWN_ENTITIES_PER_ARTICLE = 1000;

/** The article already loaded with this text hash, if any. */
export function findLoadedArticle(
  articles: ArticleRepository,
  sha256: string,
): Promise<{ id: string; title: string } | null> {
  return articles.findBySha256(sha256);
}

/** The article already loaded from this canonical URL, if any. */
export function findArticleByUrl(
  articles: ArticleRepository,
  url: string,
): Promise<{ id: string; title: string } | null> {
  return articles.findByUrl(url);
}

/**
 * The graph entities resolution should know about for one article: all of them while the graph is small, else
 * those matching the article's candidate names (`candidateNames` is only called then: it costs an extraction pass).
 */
export async function knownEntitiesFor(
  entities: EntityRepository,
  candidateNames: () => readonly string[],
  allMax: number = ALL_KNOWN_ENTITIES_MAX,
): Promise<KnownEntity[]> {
  const total = await entities.count();
  if (total === 0) return [];
  if (total <= allMax) return entities.all(allMax);
  return entities.byNames([...candidateNames()], KNOWN_ENTITIES_PER_ARTICLE);
}
