// Which of the given ids are initiatives already in the database.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i.id AS id
