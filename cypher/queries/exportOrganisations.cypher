// Organisations by id for an export, in the atlas format's terms: place names per level, theme names,
// identifiers and provenance as stored, and the aliases (ids of records merged into it) that name it.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (o:Organisation {id: id}) USING INDEX o:Organisation(id)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH (p)-[:IN*0..2]->(chain:Place)
WITH o, collect(chain {.level, .name}) AS chain
RETURN o {.*} AS organisation,
       [c IN chain WHERE c.level = 'country' | c.name][0] AS country,
       [c IN chain WHERE c.level = 'region' | c.name][0] AS region,
       [c IN chain WHERE c.level = 'city' | c.name][0] AS city,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.name ORDER BY t.name } AS themes,
       COLLECT { MATCH (a:Alias)-[:ALIAS_OF]->(o) RETURN a.id ORDER BY a.id } AS aliases
ORDER BY o.id
