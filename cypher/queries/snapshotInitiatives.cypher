// Every initiative's name and stage, for the in-memory network snapshot (reasons such as "Both take part
// in …", and initiative(id) with its participants answered from memory).
// Params: none
MATCH (i:Initiative)
RETURN i.id AS id, i.name AS name, i.stage AS stage
