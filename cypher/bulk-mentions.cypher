// Links each new article of a bulk batch to the entities it mentions, with the per-article mention count.
// Both ends were written earlier in the same transaction; their element ids (from bulk-articles-create and
// bulk-entities) find them without an index seek.
// params: $mentions LIST<MAP {article STRING (element id), entity STRING (element id), count INTEGER}>
// returns: created INTEGER
UNWIND $mentions AS row
MATCH (a:Article) WHERE elementId(a) = row.article
MATCH (e:Entity) WHERE elementId(e) = row.entity
CREATE (a)-[:MENTIONS {count: row.count}]->(e)
RETURN count(*) AS created
