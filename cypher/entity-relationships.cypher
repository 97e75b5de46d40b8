// Every relationship of one entity, with the properties merging needs to union provenance, and what a merge record
// needs to find the other end again (its id and kind) and to restore integer properties as integers.
// params: $id STRING
// returns: selfElementId STRING, relId STRING, type STRING, outgoing BOOLEAN, otherElementId STRING, otherId STRING, otherLabel STRING, properties MAP, intKeys LIST<STRING>
MATCH (e:Entity {id: $id})-[r]-(other)
RETURN elementId(e) AS selfElementId, elementId(r) AS relId, type(r) AS type, startNode(r) = e AS outgoing,
       elementId(other) AS otherElementId, other.id AS otherId,
       CASE WHEN other:Article THEN 'Article' WHEN other:Event THEN 'Event' ELSE 'Entity' END AS otherLabel,
       properties(r) AS properties,
       [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'INTEGER' OR valueType(r[k]) STARTS WITH 'LIST<INTEGER'] AS intKeys
