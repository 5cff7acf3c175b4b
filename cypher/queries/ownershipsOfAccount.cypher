// The organisations an account owns, verified (an approved registration or claim) or not yet, by name.
// Params: $accountId
MATCH (:Account {id: $accountId})-[w:OWNS]->(o:Organisation)
RETURN o.id AS organisationId, o.status AS status, coalesce(w.verified, false) AS verified, w.since AS since
ORDER BY o.name, o.id
