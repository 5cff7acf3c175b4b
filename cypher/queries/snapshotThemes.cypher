// Every theme, for the in-memory network snapshot.
// Params: none
MATCH (t:Theme)
RETURN t.id AS id, t.name AS name
