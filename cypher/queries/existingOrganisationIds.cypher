// Which of the given ids are organisations already in the database (any status).
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
RETURN o.id AS id
