// Every initiative with a stage history, for innovation pathways (loaded once per data version): its
// steps in pathway order, its theme ids and the published organisations taking part with role and dates.
// Params: none
MATCH (i:Initiative)
WHERE EXISTS { (i)-[:REACHED]->(:Stage) }
RETURN i.id AS id,
       i.name AS name,
       COLLECT {
         MATCH (i)-[r:REACHED]->(s:Stage)
         RETURN {stage: s.id, on: toString(r.on), sourceUrl: r.sourceUrl} ORDER BY r.step
       } AS steps,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t.id ORDER BY t.id } AS themeIds,
       COLLECT {
         MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(i)
         WHERE o.status = 'PUBLISHED'
         RETURN {organisationId: o.id, role: p.role, since: toString(p.since), until: toString(p.until)}
         ORDER BY o.id
       } AS participants
ORDER BY id
