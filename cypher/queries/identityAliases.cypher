// The aliases an import run resolves: ids organisations were also known by (merged records), each with
// the organisation it names.
// Params: $namespace (id prefix; '' for all)
MATCH (a:Alias)-[:ALIAS_OF]->(o:Organisation)
WHERE a.id STARTS WITH $namespace
RETURN a.id AS alias, o.id AS organisation
