// One page of import runs, newest first (ties by id), after the run with the given start time and id.
// Params: $afterStartedAt (ISO date-time, or null for the first page), $afterId, $limit
MATCH (r:ImportRun)
WHERE $afterStartedAt IS NULL
   OR r.startedAt < datetime($afterStartedAt)
   OR (r.startedAt = datetime($afterStartedAt) AND r.id > $afterId)
RETURN r {.*} AS run
ORDER BY r.startedAt DESC, r.id
LIMIT toInteger($limit)
