// Relationships whose two ends are both among the given organisations.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[r:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]->(b:Organisation) USING INDEX a:Organisation(id)
WHERE b.id IN $ids
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS kind, r.trust AS trust,
       r.since AS since, r.until AS until
ORDER BY id
