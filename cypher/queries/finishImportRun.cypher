// Records the end of an import run: its status, counts, report (JSON text) and time. Returns the run id.
// Params: $id, $status, $report (JSON text), $now (ISO date-time), $format, $files, $checksum, $namespace
MERGE (r:ImportRun {id: $id})
  ON CREATE SET r.format = $format, r.files = $files, r.checksum = $checksum, r.namespace = $namespace,
                r.startedAt = datetime($now)
SET r.status = $status, r.report = $report, r.finishedAt = datetime($now)
REMOVE r.heartbeatAt
RETURN r.id AS id
