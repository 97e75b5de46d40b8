// Creates the Article node of an article being loaded.
// params: $article MAP {id, title, url, publishedAt (YYYY-MM-DD or null), author (or null), text, sha256, language}
// returns: id STRING
CREATE (a:Article {
  id: $article.id,
  title: $article.title,
  url: $article.url,
  publishedAt: date($article.publishedAt),
  author: $article.author,
  text: $article.text,
  sha256: $article.sha256,
  language: $article.language,
  ingestedAt: datetime()
})
RETURN a.id AS id
