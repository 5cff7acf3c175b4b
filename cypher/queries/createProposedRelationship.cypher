// Creates a relationship proposed by an owner of one end. It is CLAIMED and public at once (drawn as
// claimed by one side), so the other side can see and answer it.
// Params: $relationship: {id, kind, source, target, since, until, props}, $now (ISO date-time)
MATCH (a:Organisation {id: $relationship.source})
MATCH (b:Organisation {id: $relationship.target})
CREATE (a)-[r:$($relationship.kind) {id: $relationship.id}]->(b)
SET r += $relationship.props,
    r.since = date($relationship.since),
    r.until = date($relationship.until),
    r.trust = 'CLAIMED',
    r.recordedAt = $now,
    r.proposedAt = datetime($now)
RETURN r.id AS id
