// The full-text index's best $candidates hits for one Lucene query as the ends of their element ids and
// scores, reading no property (the caller matches them against its network snapshot: published
// organisations only), and the data version they were read at (so the caller checks its snapshot in the
// same round trip). Best score first; only the first $keep are returned, with every further hit scoring
// as much as the last of those (so a cut among equal scores can still be decided by the caller), and
// `candidates` says how many the index returned in all, `last` the score of the last of those (null when
// none). The procedure yields its hits best first (Lucene's top hits by score), so they are collected as
// they come, not sorted again, and the hits returned are the first `kept` of them: the hits after the
// first $keep are only compared with the last score kept, and the element ids are read only for the hits
// returned. A hit's `tail` is what its element id has after $prefix (a few digits: the caller keys it by
// the rule the snapshot keys organisations by, snapshot.ts tailKey), null when the element id does not
// start with $prefix; the element ids of those come whole in `others`, in hit order (the list is built
// only when there is one). The query works out no number itself: it runs with interpreted expressions
// until Cypher finds it hot, and parsing and checking ten thousand tails cost it more than the caller.
// The hits come in rows of at most 500 (`at`: the position of a row's first hit; `others` only in the
// first row), not in one record: a record that spans several Bolt chunks is read by neo4j-driver
// through its CombinedBuffer, which finds every byte by walking the chunks (ten thousand hits in one
// record cost several ms more to decode than in rows of 500). One row, with no hits, when there is none.
// $lucene must already be escaped.
// Params: $lucene (Lucene query text), $candidates (index hits to consider), $keep (hits to return at least), $prefix (element-id prefix of the tails)
CALL db.index.fulltext.queryNodes('organisation_search_text', $lucene, {limit: toInteger($candidates)})
YIELD node, score
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, toInteger($keep) AS keep
WITH nodes, scores, keep, scores[keep - 1] AS edge
WITH size(nodes) AS candidates, scores[size(scores) - 1] AS last, nodes, scores,
     keep + size([s IN scores[keep..] WHERE s = edge]) AS kept
WITH candidates, last, scores[0..kept] AS scores, [n IN nodes[0..kept] | elementId(n)] AS ids,
     size($prefix) AS p
WITH candidates, last, scores, ids,
     [id IN ids | CASE WHEN id STARTS WITH $prefix THEN substring(id, p) END] AS tails
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
WITH candidates, last, tails, scores, coalesce(m.dataVersion, 0) AS dataVersion,
     CASE WHEN size([t IN tails WHERE t IS NULL]) > 0
       THEN [j IN range(0, size(ids) - 1) WHERE tails[j] IS NULL | ids[j]] ELSE [] END AS others
UNWIND range(0, CASE WHEN size(tails) = 0 THEN 0 ELSE size(tails) - 1 END, 500) AS at
RETURN at, candidates, last, tails[at..at + 500] AS tails, scores[at..at + 500] AS scores,
       CASE WHEN at = 0 THEN others ELSE [] END AS others, dataVersion
