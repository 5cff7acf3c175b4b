// Which of the given (organisation, initiative) pairs already have a participation, with its stored values,
// so a run can tell new, changed and unchanged ones apart.
// Params: $pairs: [{organisation, initiative}]
UNWIND $pairs AS pair
MATCH (o:Organisation {id: pair.organisation})-[p:PARTICIPATES_IN]->(i:Initiative {id: pair.initiative})
RETURN pair.organisation AS organisation, pair.initiative AS initiative, p {.*} AS stored
