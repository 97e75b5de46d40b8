// Links each new article of a bulk batch to the events it reports (both ends found by the element ids that
// bulk-articles-create and bulk-events returned in the same transaction).
// params: $reports LIST<MAP {article STRING (element id), event STRING (element id)}>
// returns: created INTEGER
UNWIND $reports AS row
MATCH (a:Article) WHERE elementId(a) = row.article
MATCH (ev:Event) WHERE elementId(ev) = row.event
CREATE (a)-[:REPORTS]->(ev)
RETURN count(*) AS created
