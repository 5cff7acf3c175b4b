// The stored initiatives with the given ids and their values (themes as sorted ids), so a run can tell new,
// changed and unchanged ones apart.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i.id AS id, i {.*} AS stored,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t.id ORDER BY t.id } AS themeIds
