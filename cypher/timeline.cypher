// Events in date order (undated last), filtered by date range, kinds and participating entities.
// A date range excludes undated events.
// params: $from STRING (YYYY-MM-DD or null), $to STRING (YYYY-MM-DD or null), $kinds LIST<STRING> (empty = all), $entityIds LIST<STRING> (empty = all), $limit INTEGER
// returns: id STRING, kind STRING, summary STRING, date STRING, dateText STRING, articleIds LIST<STRING>, participantIds LIST<STRING>
MATCH (ev:Event)
WHERE ($from IS NULL OR ev.date >= date($from))
  AND ($to IS NULL OR ev.date <= date($to))
  AND (size($kinds) = 0 OR ev.kind IN $kinds)
  AND (size($entityIds) = 0 OR EXISTS { MATCH (e:Entity)-[:PARTICIPATES_IN]->(ev) WHERE e.id IN $entityIds })
WITH ev
ORDER BY ev.date IS NULL, ev.date, ev.id
LIMIT $limit
RETURN ev.id AS id, ev.kind AS kind, ev.summary AS summary, toString(ev.date) AS date, ev.dateText AS dateText,
       coalesce(ev.articleIds, []) AS articleIds,
       COLLECT { MATCH (p:Entity)-[:PARTICIPATES_IN]->(ev) RETURN DISTINCT p.id } AS participantIds
