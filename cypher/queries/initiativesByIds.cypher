// Initiatives with the given ids, in the order given, each with its themes.
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (i:Initiative {id: $ids[idx]}) USING INDEX i:Initiative(id)
RETURN i {.*} AS initiative,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes
ORDER BY idx
