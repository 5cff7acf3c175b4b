// The change history of one organisation or relationship, newest first, with who made each change.
// Params: $subjectKind ('organisation' or 'relationship'), $subjectId, $first
MATCH (c:Change {subjectId: $subjectId})
WHERE c.subjectKind = $subjectKind
OPTIONAL MATCH (a:Account)-[:MADE]->(c)
RETURN c {.id, .at, .action, .reason, .changes} AS entry, a {.id, .name} AS by
ORDER BY c.at DESC, c.seq DESC
LIMIT toInteger($first)
