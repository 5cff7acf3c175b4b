// As participantsOfInitiatives.cypher, but each participant's organisation only as far as a response
// asks for (id, name, sector, status and themes): reading every property and the place chain of each
// organisation is most of that query's time. Used when the network snapshot, which holds the same, is
// being reloaded for a new data version.
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (i:Initiative {id: $ids[idx]}) USING INDEX i:Initiative(id)
CALL (i) {
  MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(i)
  WHERE o.status = 'PUBLISHED'
  WITH o, p
  ORDER BY CASE p.role WHEN 'LEAD' THEN 0 WHEN 'FUNDER' THEN 1 ELSE 2 END, toLower(o.name), o.id
  RETURN collect({
    organisationId: o.id, role: p.role, since: toString(p.since), until: toString(p.until),
    organisation: o {
      .id, .name, .sector, .status,
      themes: COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
    }
  }) AS participants
}
RETURN i {.*} AS initiative,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes,
       participants
ORDER BY idx
