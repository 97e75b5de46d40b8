// Counts for the explorer's overview: nodes per label, relationships per type, and the three headline totals.
// Labels and types come from the fixed graph model, so each count is a cheap label/type scan.
// params: none
// returns: articles INTEGER, entities INTEGER, events INTEGER, labels LIST<MAP {key, count}>, relationshipTypes LIST<MAP {key, count}>
RETURN
  COUNT { MATCH (n:Article) RETURN n } AS articles,
  COUNT { MATCH (n:Entity) RETURN n } AS entities,
  COUNT { MATCH (n:Event) RETURN n } AS events,
  [
    {key: 'Article', count: COUNT { MATCH (n:Article) RETURN n }},
    {key: 'Person', count: COUNT { MATCH (n:Person) RETURN n }},
    {key: 'Company', count: COUNT { MATCH (n:Company) RETURN n }},
    {key: 'Government', count: COUNT { MATCH (n:Government) RETURN n }},
    {key: 'Organization', count: COUNT { MATCH (n:Organization) RETURN n }},
    {key: 'Place', count: COUNT { MATCH (n:Place) RETURN n }},
    {key: 'Event', count: COUNT { MATCH (n:Event) RETURN n }}
  ] AS labels,
  [
    {key: 'MENTIONS', count: COUNT { MATCH ()-[r:MENTIONS]->() RETURN r }},
    {key: 'REPORTS', count: COUNT { MATCH ()-[r:REPORTS]->() RETURN r }},
    {key: 'CITES', count: COUNT { MATCH ()-[r:CITES]->() RETURN r }},
    {key: 'PARTICIPATES_IN', count: COUNT { MATCH ()-[r:PARTICIPATES_IN]->() RETURN r }},
    {key: 'EMPLOYED_BY', count: COUNT { MATCH ()-[r:EMPLOYED_BY]->() RETURN r }},
    {key: 'FORMERLY_AT', count: COUNT { MATCH ()-[r:FORMERLY_AT]->() RETURN r }},
    {key: 'EDUCATED_AT', count: COUNT { MATCH ()-[r:EDUCATED_AT]->() RETURN r }},
    {key: 'HEADS', count: COUNT { MATCH ()-[r:HEADS]->() RETURN r }},
    {key: 'MEMBER_OF', count: COUNT { MATCH ()-[r:MEMBER_OF]->() RETURN r }},
    {key: 'PART_OF', count: COUNT { MATCH ()-[r:PART_OF]->() RETURN r }},
    {key: 'OWNS', count: COUNT { MATCH ()-[r:OWNS]->() RETURN r }},
    {key: 'ACQUIRES', count: COUNT { MATCH ()-[r:ACQUIRES]->() RETURN r }},
    {key: 'SUPPLIES', count: COUNT { MATCH ()-[r:SUPPLIES]->() RETURN r }},
    {key: 'PARTNERS_WITH', count: COUNT { MATCH ()-[r:PARTNERS_WITH]->() RETURN r }},
    {key: 'TRADES_WITH', count: COUNT { MATCH ()-[r:TRADES_WITH]->() RETURN r }},
    {key: 'SANCTIONS', count: COUNT { MATCH ()-[r:SANCTIONS]->() RETURN r }},
    {key: 'REGULATES', count: COUNT { MATCH ()-[r:REGULATES]->() RETURN r }},
    {key: 'SUES', count: COUNT { MATCH ()-[r:SUES]->() RETURN r }},
    {key: 'MEETS', count: COUNT { MATCH ()-[r:MEETS]->() RETURN r }},
    {key: 'OPPOSES', count: COUNT { MATCH ()-[r:OPPOSES]->() RETURN r }},
    {key: 'LOCATED_IN', count: COUNT { MATCH ()-[r:LOCATED_IN]->() RETURN r }},
    {key: 'CO_MENTIONED', count: COUNT { MATCH ()-[r:CO_MENTIONED]->() RETURN r }}
  ] AS relationshipTypes
