// Events in date order (undated last), filtered by date range, kinds and participating entities.
// An event whose text gives no absolute date is placed on the publication date of the first article that
// reports it (dateFromArticle = true), so "tirsdag" or an undated sanction still lands on the timeline.
// A date range excludes events with neither.
// params: $from STRING (YYYY-MM-DD or null), $to STRING (YYYY-MM-DD or null), $kinds LIST<STRING> (empty = all), $entityIds LIST<STRING> (empty = all), $limit INTEGER
// returns: id STRING, kind STRING, summary STRING, date STRING, dateText STRING, dateFromArticle BOOLEAN, articleIds LIST<STRING>, participantIds LIST<STRING>
MATCH (ev:Event)
WHERE (size($kinds) = 0 OR ev.kind IN $kinds)
  AND (size($entityIds) = 0 OR EXISTS { MATCH (e:Entity)-[:PARTICIPATES_IN]->(ev) WHERE e.id IN $entityIds })
WITH ev, coalesce(ev.date, COLLECT { MATCH (a:Article)-[:REPORTS]->(ev) WHERE a.publishedAt IS NOT NULL RETURN a.publishedAt ORDER BY a.publishedAt LIMIT 1 }[0]) AS when
WHERE ($from IS NULL OR when >= date($from))
  AND ($to IS NULL OR when <= date($to))
WITH ev, when
ORDER BY when IS NULL, when, ev.id
LIMIT $limit
RETURN ev.id AS id, ev.kind AS kind, ev.summary AS summary, toString(when) AS date, ev.dateText AS dateText,
       ev.date IS NULL AND when IS NOT NULL AS dateFromArticle,
       coalesce(ev.articleIds, []) AS articleIds,
       COLLECT { MATCH (p:Entity)-[:PARTICIPATES_IN]->(ev) RETURN DISTINCT p.id } AS participantIds
