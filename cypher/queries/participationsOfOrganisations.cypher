// For each organisation id, the initiatives it takes part in, newest first and undated last, with each
// initiative's themes, at most $first each.
// Params: $ids: [string], $first (max participations per organisation)
UNWIND $ids AS id
CALL (id) {
  MATCH (:Organisation {id: id})-[p:PARTICIPATES_IN]->(i:Initiative)
  WITH p, i ORDER BY i.startDate IS NULL, i.startDate DESC, i.id
  LIMIT toInteger($first)
  RETURN collect({
    participation: p {.*},
    initiative: i {.*},
    themes: COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
  }) AS participations
}
RETURN id, participations
