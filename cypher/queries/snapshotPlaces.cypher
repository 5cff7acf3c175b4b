// Every place with its parent and coordinates, for the in-memory network snapshot (places are few):
// those where a published organisation is, and the places they are in (places only pending
// registrations name stay out of facets and search suggestions).
// Params: none
MATCH (p:Place)
WHERE EXISTS {
  (p)<-[:IN*0..]-(:Place)<-[:LOCATED_IN]-(o:Organisation) WHERE o.status = 'PUBLISHED'
}
OPTIONAL MATCH (p)-[:IN]->(parent:Place)
RETURN p.id AS id, p.name AS name, p.level AS level, parent.id AS parentId,
       p.latitude AS latitude, p.longitude AS longitude
