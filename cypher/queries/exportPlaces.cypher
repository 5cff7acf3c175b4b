// The places with coordinates that the given organisations are in (or within), for an export.
// Params: $ids: [string] (organisation ids)
UNWIND $ids AS id
MATCH (:Organisation {id: id})-[:LOCATED_IN]->(:Place)-[:IN*0..2]->(p:Place)
WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL
WITH DISTINCT p
OPTIONAL MATCH (p)-[:IN*0..2]->(chain:Place)
WITH p, collect(chain {.level, .name}) AS chain
RETURN [c IN chain WHERE c.level = 'country' | c.name][0] AS country,
       [c IN chain WHERE c.level = 'region' | c.name][0] AS region,
       [c IN chain WHERE c.level = 'city' | c.name][0] AS city,
       p.latitude AS latitude, p.longitude AS longitude
ORDER BY country, region, city
