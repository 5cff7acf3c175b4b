// Import runs by id (for provenance: the run that created or last changed a fact).
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (r:ImportRun {id: id})
RETURN r {.*} AS run
