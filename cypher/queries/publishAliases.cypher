// Aliases of organisations stored before the run (records of this run merged into them), in the run's
// final transaction. An id that is an organisation's own id never becomes an alias.
// Params: $aliases: [{alias, organisation}], $runId
UNWIND $aliases AS row
MATCH (o:Organisation {id: row.organisation}) USING INDEX o:Organisation(id)
WITH o, row WHERE NOT EXISTS { MATCH (:Organisation {id: row.alias}) }
MERGE (a:Alias {id: row.alias})
  ON CREATE SET a.createdInRun = $runId
MERGE (a)-[:ALIAS_OF]->(o)
RETURN count(a) AS aliases
