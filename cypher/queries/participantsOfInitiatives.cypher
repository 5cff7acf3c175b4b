// For each initiative id, the published organisations taking part, leads first, then by name.
// Params: $ids: [string]
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(:Initiative {id: id})
  WHERE o.status = 'PUBLISHED'
  WITH o, p ORDER BY CASE p.role WHEN 'LEAD' THEN 0 WHEN 'FUNDER' THEN 1 ELSE 2 END, toLower(o.name), o.id
  RETURN collect({organisationId: o.id, role: p.role, since: toString(p.since), until: toString(p.until)}) AS participants
}
RETURN id, participants
