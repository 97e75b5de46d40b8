// Creates the Article nodes of a bulk-loaded batch (all new: bulk-articles-existing.cypher filtered them).
// params: $articles LIST<MAP {id, title, url, publishedAt (YYYY-MM-DD or null), text, sha256, language}>
// returns: id STRING, node STRING (the element id, for the link statements of the same transaction)
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
RETURN a.id AS id, elementId(a) AS node
