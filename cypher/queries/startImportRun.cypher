// Records that an import run started writing its staging data; the heartbeat tells later runs whether
// it is still alive (an abandoned run's staging data is discarded by the next run).
// Params: $id, $format, $files: [string], $checksum, $namespace, $now (ISO date-time), $status
CREATE (r:ImportRun {id: $id})
SET r.format = $format, r.files = $files, r.checksum = $checksum, r.namespace = $namespace,
    r.startedAt = datetime($now), r.heartbeatAt = datetime($now), r.status = $status
RETURN r.id AS id
