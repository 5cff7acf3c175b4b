// For each organisation id, the initiatives it takes part in, newest first and undated last, with each
// initiative's themes.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (:Organisation {id: id})-[p:PARTICIPATES_IN]->(i:Initiative)
  WITH p, i ORDER BY i.startDate IS NULL, i.startDate DESC, i.id
  RETURN collect({
    participation: p {.*},
    initiative: i {.*},
    themes: COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
  }) AS participations
}
RETURN id, participations
