// Organisations by id whatever their status, with the asking account's ownership of each (verified:
// true, false, or null when it owns none). Unknown ids give no row.
// Params: $ids: [string], $accountId (null when signed out)
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
OPTIONAL MATCH (:Account {id: $accountId})-[w:OWNS]->(o)
RETURN o.id AS id, o.name AS name, o.status AS status, w.verified AS verified
