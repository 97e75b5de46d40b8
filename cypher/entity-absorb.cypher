// Folds a merged-away entity into the kept one: names become aliases, mention counts add up, and the merged
// node (whose relationships were already moved) is deleted. `mergedIds` records the ids it absorbed.
// params: $keepId STRING, $goneId STRING
// returns: aliases LIST<STRING>
MATCH (keep:Entity {id: $keepId}), (gone:Entity {id: $goneId})
SET keep.aliases = reduce(acc = coalesce(keep.aliases, []), alias IN [gone.name] + coalesce(gone.aliases, []) |
      CASE WHEN alias = keep.name OR alias IN acc THEN acc ELSE acc + alias END),
    keep.mentionCount = coalesce(keep.mentionCount, 0) + coalesce(gone.mentionCount, 0),
    keep.mergedIds = coalesce(keep.mergedIds, []) + gone.id + coalesce(gone.mergedIds, [])
SET keep.aliasText = reduce(text = '', alias IN keep.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + alias)
DETACH DELETE gone
RETURN keep.aliases AS aliases
