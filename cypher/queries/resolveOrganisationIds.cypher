// The organisation each given id names: its own id, or the organisation an alias (a merged record's id)
// points to. Ids that name nothing are left out.
// Params: $ids: [string]
UNWIND $ids AS requested
OPTIONAL MATCH (o:Organisation {id: requested})
OPTIONAL MATCH (:Alias {id: requested})-[:ALIAS_OF]->(target:Organisation)
WITH requested, coalesce(o, target) AS found
WHERE found IS NOT NULL
RETURN requested, found.id AS id
