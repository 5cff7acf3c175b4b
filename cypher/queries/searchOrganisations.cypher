// Full-text search over published organisations, best first. $lucene must already be escaped.
// Params: $lucene (Lucene query text), $first (max results), $candidates (index hits to consider)
CALL db.index.fulltext.queryNodes('organisation_search_text', $lucene, {limit: toInteger($candidates)})
YIELD node, score
WHERE node.status = 'PUBLISHED'
RETURN node.id AS id, score
ORDER BY score DESC, node.name
LIMIT toInteger($first)
