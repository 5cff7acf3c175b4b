// Import runs still marked as running whose heartbeat is older than $before: their process is gone, and
// their staging data is to be discarded.
// Params: $status (the running status), $before (ISO date-time)
MATCH (r:ImportRun)
WHERE r.status = $status AND r.heartbeatAt < datetime($before)
RETURN r.id AS id
