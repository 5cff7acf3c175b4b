// Applies an edit: the properties given (null removes one), and, when given, the themes and the place
// replaced (themes and places are created beforehand).
// Params: $id, $props (map), $themeIds ([string], or null to keep them), $placeChanged (bool), $placeId, $now
MATCH (o:Organisation {id: $id})
SET o += $props, o.updatedAt = datetime($now)
WITH o
CALL (o) {
  WITH o WHERE $themeIds IS NOT NULL
  OPTIONAL MATCH (o)-[old:WORKS_ON]->(:Theme)
  DELETE old
}
CALL (o) {
  WITH o WHERE $themeIds IS NOT NULL
  UNWIND $themeIds AS themeId
  MATCH (t:Theme {id: themeId})
  MERGE (o)-[:WORKS_ON]->(t)
}
CALL (o) {
  WITH o WHERE $placeChanged
  OPTIONAL MATCH (o)-[old:LOCATED_IN]->(:Place)
  DELETE old
}
CALL (o) {
  WITH o WHERE $placeChanged AND $placeId IS NOT NULL
  MATCH (p:Place {id: $placeId})
  MERGE (o)-[:LOCATED_IN]->(p)
}
RETURN o.id AS id
