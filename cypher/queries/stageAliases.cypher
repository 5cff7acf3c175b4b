// Aliases of a run's new (staged) organisations: the ids of records merged into them. An alias names a
// staged organisation until the run is published, so it resolves to nothing visible before that.
// Params: $aliases: [{alias, organisation}], $runId
UNWIND $aliases AS row
MATCH (o:StagedOrganisation {id: row.organisation})
MERGE (a:Alias {id: row.alias})
  ON CREATE SET a.createdInRun = $runId
MERGE (a)-[:ALIAS_OF]->(o)
RETURN count(a) AS aliases
