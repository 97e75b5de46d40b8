// Every relationship of one entity, with the properties merging needs to union provenance.
// params: $id STRING
// returns: selfElementId STRING, relId STRING, type STRING, outgoing BOOLEAN, otherElementId STRING, otherId STRING, properties MAP
MATCH (e:Entity {id: $id})-[r]-(other)
RETURN elementId(e) AS selfElementId, elementId(r) AS relId, type(r) AS type, startNode(r) = e AS outgoing,
       elementId(other) AS otherElementId, other.id AS otherId, properties(r) AS properties
