// An organisation's relationships to other published organisations, newest first.
// Params: $id, $first (max rows)
MATCH (o:Organisation {id: $id})-[r:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(m:Organisation)
WHERE m.status = 'PUBLISHED'
RETURN r {.*, kind: type(r)} AS relationship, startNode(r).id AS source, endNode(r).id AS target
ORDER BY r.since DESC, r.id
LIMIT toInteger($first)
