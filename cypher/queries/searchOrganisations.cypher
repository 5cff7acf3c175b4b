// Full-text search over published organisations, best first, in one round trip: the hits matching every
// word ($strict), then, only when those are fewer than $fillBelow, the best hits matching any word
// ($partial). Each part is at most $first hits, ordered by score, then name. Returned as lists in one row
// (thousands of hits decode far faster than as rows). $strict and $partial must already be escaped.
// Params: $strict, $partial (Lucene query texts), $first (max hits of each part), $candidates (index hits to consider), $fillBelow
CALL () {
  CALL db.index.fulltext.queryNodes('organisation_search_text', $strict, {limit: toInteger($candidates)})
  YIELD node, score
  WHERE node.status = 'PUBLISHED'
  WITH node, score
  ORDER BY score DESC, node.name
  LIMIT toInteger($first)
  RETURN collect(node.id) AS strictIds, collect(score) AS strictScores, collect(node.name) AS strictNames
}
CALL (strictIds) {
  WITH strictIds
  WHERE size(strictIds) < $fillBelow
  CALL db.index.fulltext.queryNodes('organisation_search_text', $partial, {limit: toInteger($candidates)})
  YIELD node, score
  WHERE node.status = 'PUBLISHED'
  WITH node, score
  ORDER BY score DESC, node.name
  LIMIT toInteger($first)
  RETURN collect(node.id) AS partialIds, collect(score) AS partialScores, collect(node.name) AS partialNames
}
RETURN strictIds, strictScores, strictNames, partialIds, partialScores, partialNames
