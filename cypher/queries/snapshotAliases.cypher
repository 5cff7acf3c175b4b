// Every alias of a published organisation (the id of a record merged into it), for the in-memory network
// snapshot: an alias finds the organisation wherever an id is asked for (neighbourhoods, paths, suggestions…).
// Params: none
MATCH (a:Alias)-[:ALIAS_OF]->(o:Organisation)
WHERE o.status = 'PUBLISHED'
RETURN a.id AS alias, o.id AS organisation
