// One breadth-first step: published organisations next to the frontier that are not yet visited,
// best connected first, by the degree the API shows (ties to published organisations only). Asking for one more than wanted tells the caller whether it cut anything.
// Params: $frontier: [id], $visited: [id], $limit (max ids returned)
UNWIND $frontier AS fromId
MATCH (n:Organisation {id: fromId})-[:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(m:Organisation) USING INDEX n:Organisation(id)
WHERE m.status = 'PUBLISHED' AND NOT m.id IN $visited
WITH DISTINCT m
WITH m, COUNT {
  (m)-[:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(other:Organisation)
  WHERE other.status = 'PUBLISHED'
} AS degree
RETURN m.id AS id
ORDER BY degree DESC, m.id
LIMIT toInteger($limit)
