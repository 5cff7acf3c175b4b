// Number of organisations in the database, whatever their status (used to decide on demo data).
// Params: none
MATCH (o:Organisation)
RETURN count(o) AS count
