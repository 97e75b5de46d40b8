// Re-creates an entity that a merge absorbed, with its id, type label and every property it had (splitEntity).
// The type label comes from the model's fixed list (checked by the caller), never from free text.
// params: $type STRING, $properties MAP
// returns: id STRING
CREATE (e:Entity)
SET e = $properties
WITH e
CALL apoc.create.addLabels(e, [$type]) YIELD node
RETURN node.id AS id
