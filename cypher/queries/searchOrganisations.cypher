// Full-text search over published organisations, best first, in one round trip: the hits matching every
// word (strict), at most $first; then, only when those are fewer than $fillBelow, the best $first hits
// matching any word (partial), less those already found. Each part is ordered by score, then name.
// The two Lucene queries are put together here from $words (SearchWordPart in server/domain/search.ts,
// escaped there): a word that could be a typo gets typo (fuzzy) matches only when no published
// organisation's name contains the word itself (its probe finds none), as a spell-checker suggests only
// for missing words; a word with a typo form and no probe always gets them. Returned as lists in one row (thousands of hits decode far faster than as rows):
// the hits' ids, names and scores (those matching every word first: `strictCount` of them), the data
// version they were read at (a caller holding a network snapshot of that version answers from it), and for the
// hits a caller ranking by name is likely to show (see below) what organisationsByIds returns
// (properties, place chain most specific first, themes), so it mostly needs no second query.
// Params: $words (list of {required, exact, typo, probe}), $typed (the typed words, lower case), $first (max hits of each part), $candidates (index hits to consider), $fillBelow, $detailed (hits with details), $byDegree (rank them by ties too)
CALL () {
  UNWIND $words AS word
  CALL (word) {
    WITH word
    WHERE word.probe IS NOT NULL
    CALL db.index.fulltext.queryNodes('organisation_search_text', word.probe, {limit: 10})
    YIELD node
    WHERE node.status = 'PUBLISHED'
    RETURN count(node) > 0 AS known
  }
  WITH word, CASE WHEN known OR word.typo IS NULL THEN word.exact ELSE word.typo END AS part
  WITH collect(CASE WHEN word.required THEN '+' + part ELSE part END) AS strictParts, collect(part) AS parts
  RETURN reduce(s = '', p IN strictParts | s + ' ' + p) AS strict, reduce(s = '', p IN parts | s + ' ' + p) AS partial
}
CALL (strict) {
  CALL db.index.fulltext.queryNodes('organisation_search_text', strict, {limit: toInteger($candidates)})
  YIELD node, score
  WHERE node.status = 'PUBLISHED'
  WITH node, score
  ORDER BY score DESC, node.name
  LIMIT toInteger($first)
  RETURN collect(node) AS strictNodes, collect(score) AS strictScores
}
CALL (strictNodes, partial) {
  WITH strictNodes, partial
  WHERE size(strictNodes) < $fillBelow
  CALL db.index.fulltext.queryNodes('organisation_search_text', partial, {limit: toInteger($candidates)})
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
// The hits that come with details: the first $detailed, and the first $detailed in about the order the
// caller ranks them by name (every word first, then 3 for each typed word among the name's words, 2 for
// the start of one, then, when $byDegree, the most ties first, then the index's order). The caller's
// ranking also counts typos, abbreviations and acronyms, and its degree counts only ties to published
// organisations (the network snapshot's): a hit it brings up without details is read by id afterwards.
// (No hit is ranked when no details are asked: the search behind lists, exports and likely matches.)
CALL (nodes, strictCount) {
  UNWIND CASE WHEN $detailed > 0 THEN range(0, size(nodes) - 1) ELSE [] END AS k
  WITH k, nodes[k] AS o, split(toLower(nodes[k].name), ' ') AS nameWords
  WITH k, CASE WHEN k < strictCount THEN 0 ELSE 1 END AS tier,
       reduce(s = 0, w IN $typed | s + CASE WHEN w IN nameWords THEN 3 WHEN any(x IN nameWords WHERE x STARTS WITH w) THEN 2 ELSE 0 END) AS byName,
       CASE WHEN $byDegree THEN COUNT { (o)-[:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-() } ELSE 0 END AS ties
  ORDER BY tier, byName DESC, ties DESC, k
  LIMIT toInteger($detailed)
  RETURN collect(k) AS byNameFirst
}
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN [o IN nodes | o.id] AS ids, [o IN nodes | o.name] AS names, scores, strictCount,
       coalesce(m.dataVersion, 0) AS dataVersion,
       [o IN [k IN range(0, size(nodes) - 1) WHERE k < $detailed OR k IN byNameFirst | nodes[k]] | {
         organisation: o {.*},
         places: coalesce(last(COLLECT {
           MATCH (o)-[:LOCATED_IN]->(p:Place)
           MATCH chain = (p)-[:IN*0..2]->(top:Place)
           WHERE NOT (top)-[:IN]->(:Place)
           RETURN [n IN nodes(chain) | n {.id, .name, .level, .latitude, .longitude}]
         }), []),
         themes: COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
       }] AS details
