// Overwrites the given properties of one entity (splitEntity restoring the kept side); a null value removes one.
// params: $id STRING, $properties MAP
// returns: id STRING
MATCH (e:Entity {id: $id})
SET e += $properties
RETURN e.id AS id
