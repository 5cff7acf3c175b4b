// The initiatives that any of the given organisations takes part in, with their theme names, their stage
// history (in pathway order) and those organisations' participations in them, for an export.
// Params: $ids: [string] (organisation ids)
UNWIND $ids AS id
MATCH (o:Organisation {id: id})-[p:PARTICIPATES_IN]->(i:Initiative) USING INDEX o:Organisation(id)
WITH i, collect(p {.*, organisation: o.id, since: toString(p.since), until: toString(p.until)}) AS participations
RETURN i {.*, startDate: toString(i.startDate), endDate: toString(i.endDate)} AS initiative,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t.name ORDER BY t.name } AS themes,
       participations,
       COLLECT {
         MATCH (i)-[r:REACHED]->(s:Stage)
         RETURN r {.*, stage: s.id, on: toString(r.on)} ORDER BY r.step
       } AS stages
ORDER BY i.id
