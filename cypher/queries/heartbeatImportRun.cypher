// Keeps a running import run's heartbeat fresh (called between staging batches).
// Params: $id, $now (ISO date-time)
MATCH (r:ImportRun {id: $id})
SET r.heartbeatAt = datetime($now)
RETURN r.id AS id
