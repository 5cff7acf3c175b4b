// Every initiative's name, for the in-memory network snapshot (reasons such as "Both take part in …").
// Params: none
MATCH (i:Initiative)
RETURN i.id AS id, i.name AS name
