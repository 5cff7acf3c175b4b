// The full-text index's best $candidates hits for one Lucene query as node element ids and scores, reading
// no property (the caller matches the element ids against its network snapshot: published organisations
// only). Best score first; only the first $keep are returned, with every further hit scoring as much as
// the last of those (so a cut among equal scores can still be decided by the caller), and `candidates`
// says how many the index returned in all. The procedure yields its hits best first (Lucene's top hits by
// score), so they are collected as they come, not sorted again. $lucene must already be escaped.
// Params: $lucene (Lucene query text), $candidates (index hits to consider), $keep (hits to return at least)
CALL db.index.fulltext.queryNodes('organisation_search_text', $lucene, {limit: toInteger($candidates)})
YIELD node, score
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, scores[toInteger($keep) - 1] AS edge
WITH nodes, scores, [k IN range(0, size(nodes) - 1) WHERE k < $keep OR scores[k] = edge] AS kept
RETURN size(nodes) AS candidates, [k IN kept | elementId(nodes[k])] AS nodeIds, [k IN kept | scores[k]] AS scores
