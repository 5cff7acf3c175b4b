// The initiatives an organisation takes part in, newest first, with each initiative's themes.
// Params: $id
MATCH (o:Organisation {id: $id})-[p:PARTICIPATES_IN]->(i:Initiative)
RETURN p {.*} AS participation,
       i {.*} AS initiative,
       COLLECT { MATCH (i)-[:ADDRESSES]->(t:Theme) RETURN t {.id, .name} ORDER BY t.name } AS themes
ORDER BY i.startDate DESC, i.id
