// The sentences and articles behind one relationship (by element id). Each sentence is attributed to the
// supporting articles whose text contains it. REPORTS edges show the event's sentences from that article.
// params: $edgeId STRING
// returns: type STRING, sourceId STRING, targetId STRING, confidence FLOAT, items LIST<MAP {sentence, articleIds}>, articles LIST<MAP {id, title, url, publishedAt}>
MATCH (s)-[r]->(t) WHERE elementId(r) = $edgeId
WITH s, r, t,
     coalesce(r.evidence, CASE WHEN type(r) = 'REPORTS' THEN t.evidence END, []) AS sentences,
     coalesce(r.articleIds, CASE WHEN s:Article THEN [s.id] END, []) AS articleIds
WITH s, r, t, sentences, COLLECT { MATCH (a:Article) WHERE a.id IN articleIds RETURN a } AS articles
RETURN type(r) AS type, s.id AS sourceId, t.id AS targetId, coalesce(r.confidence, t.confidence) AS confidence,
       [sentence IN sentences | {sentence: sentence, articleIds: [a IN articles WHERE a.text CONTAINS sentence | a.id]}] AS items,
       [a IN articles | {id: a.id, title: a.title, url: a.url, publishedAt: toString(a.publishedAt)}] AS articles
