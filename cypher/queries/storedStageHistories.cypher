// The stored stage history of each given initiative, as [stage, day] pairs in pathway order (what an
// import compares its histories with).
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i.id AS id,
       COLLECT { MATCH (i)-[r:REACHED]->(s:Stage) RETURN [s.id, toString(r.on)] ORDER BY r.step } AS steps
