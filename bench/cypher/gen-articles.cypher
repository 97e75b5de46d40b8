// Benchmark graph generator: article nodes.
// params: $rows LIST<MAP {id, title, url, publishedAt, text, sha256}>
// returns: created INTEGER
UNWIND $rows AS row
CREATE (a:Article {id: row.id, title: row.title, url: row.url, publishedAt: date(row.publishedAt), text: row.text,
                   sha256: row.sha256, language: 'da', ingestedAt: datetime()})
RETURN count(a) AS created
