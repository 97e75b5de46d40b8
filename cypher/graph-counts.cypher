// Total node and relationship counts (from Neo4j's count store, so cheap); diffed to report what a change removed.
// params: none
// returns: nodes INTEGER, relationships INTEGER
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
