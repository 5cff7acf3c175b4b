// Merge candidates by id with the two organisations each links (CANDIDATE_OF).
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (m:MergeCandidate {id: id})
RETURN m {.*} AS candidate,
       COLLECT { MATCH (m)-[:CANDIDATE_OF]->(o:Organisation) RETURN o.id ORDER BY o.id } AS organisationIds
