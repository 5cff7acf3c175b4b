// Creates the themes a run names; an existing theme keeps its first spelling. New ones remember the run.
// Params: $themes: [{id, name}], $runId
UNWIND $themes AS row
MERGE (t:Theme {id: row.id})
  ON CREATE SET t.name = row.name, t.createdInRun = $runId
RETURN count(t) AS themes
