// One page of published organisations for the in-memory network snapshot, in id order (keyset: ids after
// $after), each with its themes, place, participations (initiative, role, since and until as
// participantsOfInitiatives.cypher gives them) and its ties to published organisations it is the source of
// (so each tie is read once).
// Params: $after (an id, '' for the first page), $pageSize
MATCH (o:Organisation)
WHERE o.id > $after AND o.status = 'PUBLISHED'
WITH o ORDER BY o.id
LIMIT toInteger($pageSize)
RETURN o.id AS id, o.name AS name, o.sector AS sector, o.kind AS kind,
       COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.id } AS themeIds,
       COLLECT { MATCH (o)-[:LOCATED_IN]->(p:Place) RETURN p.id }[0] AS placeId,
       COLLECT {
         MATCH (o)-[part:PARTICIPATES_IN]->(i:Initiative)
         RETURN [i.id, part.role, toString(part.since), toString(part.until)]
       } AS participations,
       COLLECT {
         MATCH (o)-[r:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]->(m:Organisation)
         WHERE m.status = 'PUBLISHED'
         RETURN [r.id, m.id, type(r), r.trust, toString(r.since), toString(r.until), r.amount, r.currency]
       } AS ties
