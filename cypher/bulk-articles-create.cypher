// Creates the Article nodes of a bulk-loaded batch (all new: bulk-articles-existing.cypher filtered them).
// params: $articles LIST<MAP {id, title, url, publishedAt (YYYY-MM-DD or null), text, sha256, language}>
// returns: one row: nodes LIST<STRING> (element ids, for the link statements of the same transaction), in the
//   order of $articles
UNWIND range(0, size($articles) - 1) AS i
WITH i, $articles[i] AS article
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
WITH i, elementId(a) AS node ORDER BY i
RETURN collect(node) AS nodes
