// Re-creates relationships of a restored entity from its merge record (splitEntity): each row names the other end
// by id and kind, so it is found through its unique-id index. Rows whose other end no longer exists are skipped.
// params: $id STRING, $rels LIST<MAP {type STRING, outgoing BOOLEAN, otherId STRING, otherLabel STRING, properties MAP}>
// returns: created INTEGER
MATCH (self:Entity {id: $id})
UNWIND $rels AS row
OPTIONAL MATCH (article:Article {id: row.otherId}) WHERE row.otherLabel = 'Article'
OPTIONAL MATCH (event:Event {id: row.otherId}) WHERE row.otherLabel = 'Event'
OPTIONAL MATCH (entity:Entity {id: row.otherId}) WHERE row.otherLabel = 'Entity'
WITH self, row, coalesce(article, event, entity) AS other
WHERE other IS NOT NULL
WITH row, CASE WHEN row.outgoing THEN self ELSE other END AS source, CASE WHEN row.outgoing THEN other ELSE self END AS target
CALL apoc.create.relationship(source, row.type, row.properties, target) YIELD rel
RETURN count(rel) AS created
