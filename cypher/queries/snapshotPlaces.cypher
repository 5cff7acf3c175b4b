// Every place with its parent and coordinates, for the in-memory network snapshot (places are few).
// Params: none
MATCH (p:Place)
OPTIONAL MATCH (p)-[:IN]->(parent:Place)
RETURN p.id AS id, p.name AS name, p.level AS level, parent.id AS parentId,
       p.latitude AS latitude, p.longitude AS longitude
