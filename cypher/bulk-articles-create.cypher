// Creates the Article nodes of a bulk-loaded batch (all new: bulk-articles-existing.cypher filtered them).
// params: $articles LIST<MAP {id, title, url, publishedAt (YYYY-MM-DD or null), text, sha256, language}>
// returns: created INTEGER
UNWIND $articles AS article
CREATE (a:Article {
  id: article.id,
  title: article.title,
  url: article.url,
  publishedAt: date(article.publishedAt),
  text: article.text,
  sha256: article.sha256,
  language: article.language,
  ingestedAt: datetime()
})
RETURN count(a) AS created
