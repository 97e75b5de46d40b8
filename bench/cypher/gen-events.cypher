// Benchmark graph generator: event nodes with their provenance.
// params: $rows LIST<MAP {id, kind, summary, date, articleIds LIST<STRING>, evidence LIST<STRING>, confidence FLOAT}>
// returns: created INTEGER
UNWIND $rows AS row
CREATE (ev:Event {id: row.id, kind: row.kind, summary: row.summary, date: date(row.date), articleIds: row.articleIds,
                  evidence: row.evidence, confidence: row.confidence})
RETURN count(ev) AS created
