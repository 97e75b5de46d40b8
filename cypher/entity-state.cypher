// One entity's labels and every property, with the keys holding integers, for a merge record or a split.
// params: $id STRING
// returns: labels LIST<STRING>, properties MAP, intKeys LIST<STRING> (no row when the entity does not exist)
MATCH (e:Entity {id: $id})
RETURN labels(e) AS labels, properties(e) AS properties,
       [k IN keys(e) WHERE valueType(e[k]) STARTS WITH 'INTEGER' OR valueType(e[k]) STARTS WITH 'LIST<INTEGER'] AS intKeys
