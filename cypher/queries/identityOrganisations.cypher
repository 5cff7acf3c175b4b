// One page of the organisations an import run can match (any status), ordered by id, with what the
// identity rules compare: name, identifiers, websites and the place chain (city, region, country).
// Params: $namespace (id prefix; '' for all), $after (the last id of the previous page; '' to start), $limit
MATCH (o:Organisation)
WHERE o.id STARTS WITH $namespace AND o.id > $after
WITH o ORDER BY o.id LIMIT toInteger($limit)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
OPTIONAL MATCH chain = (p)-[:IN*0..2]->(top:Place)
WHERE NOT (top)-[:IN]->(:Place)
RETURN o.id AS id, o.name AS name, coalesce(o.identifiers, []) AS identifiers,
       coalesce(o.websites, CASE WHEN o.website IS NULL THEN [] ELSE [o.website] END) AS websites,
       o.sourceDataset AS sourceDataset,
       [n IN coalesce(nodes(chain), []) | n {.name, .level}] AS places
ORDER BY id
