// Dismisses an OPEN merge candidate (a curator decided the two are different organisations) with the
// curator and reason. Returns the status it had before; a candidate that was not OPEN is left as it is.
// Params: $id, $curatorId, $reason, $now (ISO date-time)
MATCH (c:MergeCandidate {id: $id})
WITH c, c.status AS before
SET c.status = CASE WHEN before = 'OPEN' THEN 'DISMISSED' ELSE before END,
    c.decidedAt = CASE WHEN before = 'OPEN' THEN datetime($now) ELSE c.decidedAt END,
    c.decidedBy = CASE WHEN before = 'OPEN' THEN $curatorId ELSE c.decidedBy END,
    c.decisionReason = CASE WHEN before = 'OPEN' THEN $reason ELSE c.decisionReason END
RETURN before
