// Full-text search over published organisations, best first, in one round trip: the hits matching every
// word ($strict), at most $first; then, only when those are fewer than $fillBelow, the best $first hits
// matching any word ($partial), less those already found. Each part is ordered by score, then name.
// Returned as lists in one row (thousands of hits decode far faster than as rows): the hits' ids, names
// and scores (those matching every word first: `strictCount` of them), and for the first $detailed hits
// what organisationsByIds returns (properties, place chain most specific first, themes), so a caller that
// ranks a few hits needs no second query for their details. $strict and $partial must already be escaped.
// Params: $strict, $partial (Lucene query texts), $first (max hits of each part), $candidates (index hits to consider), $fillBelow, $detailed (hits with details)
CALL () {
  CALL db.index.fulltext.queryNodes('organisation_search_text', $strict, {limit: toInteger($candidates)})
  YIELD node, score
  WHERE node.status = 'PUBLISHED'
  WITH node, score
  ORDER BY score DESC, node.name
  LIMIT toInteger($first)
  RETURN collect(node) AS strictNodes, collect(score) AS strictScores
}
CALL (strictNodes) {
  WITH strictNodes
  WHERE size(strictNodes) < $fillBelow
  CALL db.index.fulltext.queryNodes('organisation_search_text', $partial, {limit: toInteger($candidates)})
  YIELD node, score
  WHERE node.status = 'PUBLISHED'
  WITH node, score
  ORDER BY score DESC, node.name
  LIMIT toInteger($first)
  RETURN collect(node) AS partialNodes, collect(score) AS partialScores
}
WITH strictNodes, strictScores, partialNodes, partialScores,
     [k IN range(0, size(partialNodes) - 1) WHERE NOT partialNodes[k] IN strictNodes] AS more
WITH strictNodes + [k IN more | partialNodes[k]] AS nodes, strictScores + [k IN more | partialScores[k]] AS scores,
     size(strictNodes) AS strictCount
RETURN [o IN nodes | o.id] AS ids, [o IN nodes | o.name] AS names, scores, strictCount,
       [o IN nodes[..toInteger($detailed)] | {
         organisation: o {.*},
         places: coalesce(last(COLLECT {
           MATCH (o)-[:LOCATED_IN]->(p:Place)
           MATCH chain = (p)-[:IN*0..2]->(top:Place)
           WHERE NOT (top)-[:IN]->(:Place)
           RETURN [n IN nodes(chain) | n {.id, .name, .level, .latitude, .longitude}]
         }), []),
         themes: COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
       }] AS details
