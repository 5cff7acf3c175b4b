// The full-text index's best $candidates hits for one Lucene query as node keys and scores, reading no
// property (the caller matches them against its network snapshot: published organisations only), and the
// data version they were read at (so the caller checks its snapshot in the same round trip). Best score
// first; only the first $keep are returned, with every further hit scoring as much as the last of those
// (so a cut among equal scores can still be decided by the caller), and `candidates` says how many the
// index returned in all, `last` the score of the last of those (null when none). The procedure yields
// its hits best first (Lucene's top hits by score), so they are collected as they come, not sorted
// again, and the hits returned are the first `kept` of them: the hits after the first $keep are only
// compared with the last score kept, and the element ids are read only for the hits returned. A hit's
// key is the number its element id ends with after $prefix (snapshot.ts, nodeKey: the same rule), -1
// when it has none; the element ids of those come in `others`, in hit order (the list of positions is
// built only when there is one). Keys are sent as floats (exact below 2^53), which the driver decodes as
// plain numbers rather than an Integer object each. Few list passes, each doing little per hit: the
// query runs with interpreted expressions until Cypher finds it hot. $lucene must already be escaped.
// Params: $lucene (Lucene query text), $candidates (index hits to consider), $keep (hits to return at least), $prefix (element-id prefix of the keys)
CALL db.index.fulltext.queryNodes('organisation_search_text', $lucene, {limit: toInteger($candidates)})
YIELD node, score
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, toInteger($keep) AS keep
WITH nodes, scores, keep, scores[keep - 1] AS edge
WITH size(nodes) AS candidates, scores[size(scores) - 1] AS last, nodes, scores,
     keep + size([s IN scores[keep..] WHERE s = edge]) AS kept
WITH candidates, last, scores[0..kept] AS scores, [n IN nodes[0..kept] | elementId(n)] AS ids
WITH candidates, last, scores, ids,
     [id IN ids | CASE WHEN id STARTS WITH $prefix THEN substring(id, size($prefix)) END] AS tails
WITH candidates, last, scores, ids,
     [t IN tails | toFloat(CASE WHEN size(t) <= 15 AND toInteger(t) >= 0 AND toString(toInteger(t)) = t THEN toInteger(t) ELSE -1 END)] AS keys
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN candidates, last, keys, scores,
       CASE WHEN -1 IN keys THEN [j IN range(0, size(keys) - 1) WHERE keys[j] = -1 | ids[j]] ELSE [] END AS others,
       coalesce(m.dataVersion, 0) AS dataVersion
