// Initiatives with the given ids, in the order given, each with its themes (as initiativesByIds.cypher)
// and the published organisations taking part, leads first, then funders, then the others, each by name,
// with the organisation as organisationsByIds returns it (its properties, place chain and themes): an
// initiative and its participants in one query, and the participants of a page of initiatives with no
// second query for their organisations. The network snapshot (snapshotOrganisations.cypher) holds the
// same participants in the same order (server/domain/network/snapshot.ts).
// Params: $ids: [string]
UNWIND range(0, size($ids) - 1) AS idx
MATCH (i:Initiative {id: $ids[idx]}) USING INDEX i:Initiative(id)
CALL (i) {
  MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(i)
  WHERE o.status = 'PUBLISHED'
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(place:Place)
  OPTIONAL MATCH chain = (place)-[:IN*0..2]->(top:Place)
  WHERE NOT (top)-[:IN]->(:Place)
  WITH o, p, [n IN coalesce(nodes(chain), []) | n {.id, .name, .level, .latitude, .longitude}] AS places
  ORDER BY CASE p.role WHEN 'LEAD' THEN 0 WHEN 'FUNDER' THEN 1 ELSE 2 END, toLower(o.name), o.id
  RETURN collect({
    organisationId: o.id, role: p.role, since: toString(p.since), until: toString(p.until),
    row: {
      requested: o.id, organisation: o {.*}, places: places,
      themes: COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name }
    }
  }) AS participants
}
RETURN i {.*} AS initiative,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes,
       participants
ORDER BY idx
