// How many import runs are recorded.
// Params: none
MATCH (r:ImportRun)
RETURN count(r) AS count
