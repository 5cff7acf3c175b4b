// Publishes up to $limit of a run's staged organisations: the StagedOrganisation label becomes
// Organisation (the uniqueness constraint on Organisation.id checks them now). Run repeatedly inside the
// run's final transaction until it returns 0.
// Params: $runId, $limit
MATCH (o:StagedOrganisation {createdInRun: $runId}) USING INDEX o:StagedOrganisation(createdInRun)
WITH o LIMIT toInteger($limit)
SET o:Organisation
REMOVE o:StagedOrganisation
RETURN count(o) AS published
