// Appends entries to the change history, in the transaction of the change: who (the account), when,
// what changed from → to (a JSON list of {field, from, to}) and why.
// Params: $entries: [{id, seq, subjectKind, subjectId, action, actorId, reason, changes}], $now (ISO date-time)
UNWIND $entries AS e
CREATE (c:Change {
  id: e.id, seq: e.seq, at: datetime($now), subjectKind: e.subjectKind, subjectId: e.subjectId,
  action: e.action, reason: e.reason, changes: e.changes
})
WITH c, e
CALL (c, e) {
  MATCH (a:Account {id: e.actorId})
  CREATE (a)-[:MADE]->(c)
}
RETURN count(c) AS recorded
