// Replaces the stage history of each given initiative (its REACHED steps to the Stage nodes) and sets its
// stage to the history's last step, so Initiative.stage always agrees with its history. Steps come in
// pathway order; `step` keeps that order. A history equal to the stored one (same stages on the same days
// with the same sources, and the same recordedBy/recordedAt where the step gives them) is left as it is,
// so importing the same data again changes nothing. Counts an initiative as created (it had no history),
// updated or unchanged.
// Params: $histories: [{initiative, steps: [{stage, on, props, recordedBy, recordedAt}]}], $runId, $now, $importedBy
UNWIND $histories AS row
MATCH (i:Initiative {id: row.initiative})
WITH i, row,
     COLLECT {
       MATCH (i)-[r:REACHED]->(s:Stage)
       RETURN {stage: s.id, on: toString(r.on), sourceUrl: r.sourceUrl, sourceDataset: r.sourceDataset,
               sourceRecord: r.sourceRecord, recordedBy: r.recordedBy, recordedAt: r.recordedAt}
       ORDER BY r.step
     } AS stored
WITH i, row, stored,
     size(stored) = size(row.steps) AND
     all(k IN range(0, size(row.steps) - 1) WHERE
       stored[k].stage = row.steps[k].stage AND stored[k].on = row.steps[k].on AND
       coalesce(stored[k].sourceUrl, '') = coalesce(row.steps[k].props.sourceUrl, '') AND
       coalesce(stored[k].sourceDataset, '') = coalesce(row.steps[k].props.sourceDataset, '') AND
       coalesce(stored[k].sourceRecord, '') = coalesce(row.steps[k].props.sourceRecord, '') AND
       (row.steps[k].recordedBy IS NULL OR stored[k].recordedBy = row.steps[k].recordedBy) AND
       (row.steps[k].recordedAt IS NULL OR toString(stored[k].recordedAt) = row.steps[k].recordedAt)) AS same
CALL (i, same) {
  WITH i WHERE NOT same
  MATCH (i)-[old:REACHED]->(:Stage)
  DELETE old
}
CALL (i, row, same) {
  WITH i, row WHERE NOT same
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
SET i.stage = last(row.steps).stage
RETURN sum(CASE WHEN size(stored) = 0 THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN size(stored) > 0 AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
