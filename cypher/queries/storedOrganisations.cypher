// The stored organisations with the given ids and their values, themes (sorted ids) and place id, so a run
// can tell what it would change.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (o:Organisation {id: id}) USING INDEX o:Organisation(id)
RETURN o.id AS id, o {.*} AS stored,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.id ORDER BY t.id } AS themeIds,
       COLLECT { MATCH (o)-[:LOCATED_IN]->(p:Place) RETURN p.id }[0] AS placeId
