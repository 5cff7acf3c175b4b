// For each initiative id, the published organisations taking part, leads first, then by name; each with
// the organisation as organisationsByIds returns it (its properties, place chain and themes), so a
// response that shows the participants' organisations needs no second query.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(:Initiative {id: id})
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
RETURN id, participants
