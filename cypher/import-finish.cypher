// After a first load through neo4j-admin's importer (server/db/admin-import.ts): the empty lists and texts a CSV
// file cannot hold (an empty field is no property), so the graph is the one the bulk queries would have written.
// params: none
// returns: entities INTEGER, events INTEGER, relationships INTEGER (how many were completed)
CALL () {
  MATCH (e:Entity) WHERE e.aliases IS NULL OR e.aliasText IS NULL
  SET e.aliases = coalesce(e.aliases, []), e.aliasText = coalesce(e.aliasText, '')
  RETURN count(e) AS entities
}
CALL () {
  MATCH (ev:Event) WHERE ev.evidence IS NULL
  SET ev.evidence = []
  RETURN count(ev) AS events
}
CALL () {
  MATCH ()-[r]->() WHERE r.articleIds IS NOT NULL AND r.evidence IS NULL
  SET r.evidence = []
  RETURN count(r) AS relationships
}
RETURN entities, events, relationships
