// Publishes up to $limit of a run's staged initiatives (StagedInitiative becomes Initiative). Run
// repeatedly inside the run's final transaction until it returns 0.
// Params: $runId, $limit
MATCH (i:StagedInitiative {createdInRun: $runId}) USING INDEX i:StagedInitiative(createdInRun)
WITH i LIMIT toInteger($limit)
SET i:Initiative
REMOVE i:StagedInitiative
RETURN count(i) AS published
