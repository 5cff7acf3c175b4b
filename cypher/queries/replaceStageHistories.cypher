// Replaces the stage history of each given initiative (its REACHED steps to the Stage nodes) and sets its
// stage to the history's last step, so Initiative.stage always agrees with its history. Steps come in
// pathway order; `step` keeps that order. Counts an initiative as created (it had no history), updated or
// unchanged (same stages on the same days).
// Params: $histories: [{initiative, steps: [{stage, on, props, recordedBy, recordedAt}]}], $runId, $now, $importedBy
UNWIND $histories AS row
MATCH (i:Initiative {id: row.initiative})
WITH i, row,
     COLLECT { MATCH (i)-[r:REACHED]->(s:Stage) RETURN [s.id, toString(r.on)] ORDER BY r.step } AS before
CALL (i) {
  MATCH (i)-[old:REACHED]->(:Stage)
  DELETE old
}
CALL (i, row) {
  UNWIND range(0, size(row.steps) - 1) AS k
  WITH i, row.steps[k] AS step, k
  MERGE (s:Stage {id: step.stage})
  CREATE (i)-[r:REACHED]->(s)
  SET r += step.props,
      r.on = date(step.on),
      r.step = k,
      r.recordedBy = coalesce(step.recordedBy, $importedBy),
      r.recordedAt = coalesce(step.recordedAt, $now),
      r.createdInRun = $runId
}
WITH i, row, before, [step IN row.steps | [step.stage, step.on]] AS after
SET i.stage = last(row.steps).stage
RETURN sum(CASE WHEN size(before) = 0 THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN size(before) > 0 AND before <> after THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN size(before) > 0 AND before = after THEN 1 ELSE 0 END) AS unchanged
