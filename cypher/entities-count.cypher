// Number of entities, to decide whether resolution can be handed the whole entity list.
// params: none
// returns: count INTEGER
MATCH (e:Entity)
RETURN count(e) AS count
