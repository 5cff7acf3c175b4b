// The organisations of one page of a list paged over the network snapshot, by their own ids (the
// snapshot's, never an alias), in the order given: those still published, each with its place chain (most
// specific first) and themes as organisationsByIds gives them; and the data version, read after them, so
// the list checks the snapshot it paged over in this same round trip (a version read last that is still
// the snapshot's means no later write was seen by the reads before it).
// Params: $ids: [string]
CALL () {
  UNWIND range(0, size($ids) - 1) AS idx
  MATCH (o:Organisation {id: $ids[idx]}) USING INDEX o:Organisation(id)
  WHERE o.status = 'PUBLISHED'
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
  OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
  WHERE NOT (top)-[:IN]->(:Place)
  WITH idx, o, chain
  ORDER BY idx
  RETURN collect({
    requested: $ids[idx],
    organisation: o {.*},
    places: [n IN coalesce(nodes(chain), []) | n {.id, .name, .level, .latitude, .longitude}],
    themes: COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
  }) AS rows
}
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN coalesce(m.dataVersion, 0) AS dataVersion, rows
