// Benchmark graph generator: entity nodes of one type label (the label is fixed per file use: see graph-gen.ts).
// params: $rows LIST<MAP {id, name, aliases LIST<STRING>, aliasText, mentionCount INTEGER, label}>
// returns: created INTEGER
UNWIND $rows AS row
CREATE (e:Entity {id: row.id, name: row.name, aliases: row.aliases, aliasText: row.aliasText, mentionCount: row.mentionCount})
SET e:$(row.label)
RETURN count(e) AS created
