// Removes the record of a run that was rejected for problems in its input after it had started staging:
// its staging data is discarded, so nothing of it stays (the CLI's report says why).
// Params: $id
MATCH (r:ImportRun {id: $id})
DELETE r
RETURN count(*) AS deleted
